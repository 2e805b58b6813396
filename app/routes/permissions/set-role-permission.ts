import type { OpenAPIHono } from "@hono/zod-openapi";
import { updateRolePermissions } from "../../../core/permissions/update-role-permissions.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { RoleParamsSchema, RolePermissionEntrySchema, rolePermissionsJson, RolePermissionsSchema } from "./schemas.ts";

export const setRolePermissionRoute = defineRoute({
  method: "patch",
  path: "/api/v1/permissions/roles/{role}",
  operationId: "setRolePermission",
  tags: ["Permissions"],
  summary: "Set a single permission for a role",
  description:
    "Changes one grant of a role, leaving the others. Same rules as the bulk update: `can_edit_permission`, owner role fixed (403), unknown name 422, no granting what you do not hold (403).",
  auth: "user",
  request: { params: RoleParamsSchema, body: { content: { "application/json": { schema: RolePermissionEntrySchema } }, required: true } },
  responses: { 200: jsonContent(RolePermissionsSchema, "The role's grants after the change") },
});

export function registerSetRolePermission(app: OpenAPIHono<AppEnv>): void {
  app.openapi(setRolePermissionRoute, async (c) => {
    const { role } = c.req.valid("param");
    const entry = c.req.valid("json");
    const result = await updateRolePermissions(c.get("services"), c.get("actor"), { role, entries: [entry] });
    return c.json(rolePermissionsJson(result), 200);
  });
}
