import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { updateRolePermissions } from "../../../core/permissions/update-role-permissions.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { RoleParamsSchema, RolePermissionEntrySchema, rolePermissionsJson, RolePermissionsSchema } from "./schemas.ts";

const BulkUpdateSchema = z
  .object({
    permissions: z
      .union([z.record(z.string().min(1).max(100), z.boolean()), z.array(RolePermissionEntrySchema).max(1000)])
      .openapi({
        description: "Grants to set: a map of permission -> allowed, or a list of {permission, allowed}. Others stay as they are.",
        example: { can_create_team: true, can_delete_document: false },
      }),
  })
  .openapi("BulkUpdateRolePermissions");

export const bulkUpdateRolePermissionsRoute = defineRoute({
  method: "put",
  path: "/api/v1/permissions/roles/{role}",
  operationId: "bulkUpdateRolePermissions",
  tags: ["Permissions"],
  summary: "Update multiple permissions for a role",
  description:
    "Sets several grants of a role at once. Requires `can_edit_permission` (admins and owners by default). The owner role cannot be changed (403); unknown permission names answer 422 naming each; nobody can grant a permission they do not hold (403).",
  auth: "user",
  request: { params: RoleParamsSchema, body: { content: { "application/json": { schema: BulkUpdateSchema } }, required: true } },
  responses: { 200: jsonContent(RolePermissionsSchema, "The role's grants after the update") },
});

export function registerBulkUpdateRolePermissions(app: OpenAPIHono<AppEnv>): void {
  app.openapi(bulkUpdateRolePermissionsRoute, async (c) => {
    const { role } = c.req.valid("param");
    const { permissions } = c.req.valid("json");
    const entries = Array.isArray(permissions)
      ? permissions
      : Object.entries(permissions).map(([permission, allowed]) => ({ permission, allowed }));
    const result = await updateRolePermissions(c.get("services"), c.get("actor"), { role, entries });
    return c.json(rolePermissionsJson(result), 200);
  });
}
