import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { resetRolePermissions } from "../../../core/permissions/reset-role-permissions.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { RoleParamsSchema, rolePermissionsJson, RolePermissionsSchema } from "./schemas.ts";

const ResetResultSchema = RolePermissionsSchema.extend({
  removed: z.number().int().openapi({ example: 3, description: "Stored grants removed" }),
}).openapi("ResetRolePermissionsResult");

export const resetRolePermissionsRoute = defineRoute({
  method: "post",
  path: "/api/v1/permissions/roles/{role}/reset",
  operationId: "resetRolePermissions",
  tags: ["Permissions"],
  summary: "Reset a role's permissions to defaults",
  description: "Removes every stored grant of the role, so it falls back to the catalog defaults. Requires `can_edit_permission`; the owner role cannot be changed (403).",
  auth: "user",
  request: { params: RoleParamsSchema },
  responses: { 200: jsonContent(ResetResultSchema, "The role's default grants") },
});

export function registerResetRolePermissions(app: OpenAPIHono<AppEnv>): void {
  app.openapi(resetRolePermissionsRoute, async (c) => {
    const { role } = c.req.valid("param");
    const result = await resetRolePermissions(c.get("services"), c.get("actor"), { role });
    return c.json({ ...rolePermissionsJson(result), removed: result.removed }, 200);
  });
}
