import type { OpenAPIHono } from "@hono/zod-openapi";
import { getRolePermissions } from "../../../core/permissions/get-role-permissions.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { RoleParamsSchema, rolePermissionsJson, RolePermissionsSchema } from "./schemas.ts";

export const getRolePermissionsRoute = defineRoute({
  method: "get",
  path: "/api/v1/permissions/roles/{role}",
  operationId: "getRolePermissions",
  tags: ["Permissions"],
  summary: "Get permissions for a role",
  description: "One role's effective grants. An unknown role answers 422. Requires `can_view_permission`.",
  auth: "user",
  request: { params: RoleParamsSchema },
  responses: { 200: jsonContent(RolePermissionsSchema, "The role's grants") },
});

export function registerGetRolePermissions(app: OpenAPIHono<AppEnv>): void {
  app.openapi(getRolePermissionsRoute, async (c) => {
    const { role } = c.req.valid("param");
    return c.json(rolePermissionsJson(await getRolePermissions(c.get("services"), c.get("actor"), { role })), 200);
  });
}
