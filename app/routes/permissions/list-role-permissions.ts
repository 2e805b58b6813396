import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { roles } from "../../../core/auth/actor.ts";
import { listRolePermissions } from "../../../core/permissions/list-role-permissions.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { rolePermissionsJson, RolePermissionsSchema } from "./schemas.ts";

const AllRolePermissionsSchema = z
  .object({ roles: z.record(z.enum(roles), RolePermissionsSchema).openapi({ description: "Each role's grants, by role" }) })
  .openapi("AllRolePermissions");

export const listRolePermissionsRoute = defineRoute({
  method: "get",
  path: "/api/v1/permissions/roles",
  operationId: "listRolePermissions",
  tags: ["Permissions"],
  summary: "Get permissions for all roles",
  description: "Every role's effective grants in the workspace. Requires `can_view_permission` (admins and owners by default).",
  auth: "user",
  responses: { 200: jsonContent(AllRolePermissionsSchema, "Grants by role") },
});

export function registerListRolePermissions(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listRolePermissionsRoute, async (c) => {
    const result = await listRolePermissions(c.get("services"), c.get("actor"));
    const byRole = Object.fromEntries(roles.map((role) => [role, rolePermissionsJson(result.roles[role])]));
    return c.json({ roles: byRole as Record<(typeof roles)[number], ReturnType<typeof rolePermissionsJson>> }, 200);
  });
}
