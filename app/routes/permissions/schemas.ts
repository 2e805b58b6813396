import { z } from "@hono/zod-openapi";
import { roles } from "../../../core/auth/actor.ts";
import type { RolePermissions } from "../../../core/permissions/role-permissions.ts";

/** Shared schemas of the Permissions section. */

export const PermissionInfoSchema = z
  .object({
    name: z.string().openapi({ example: "can_create_team", description: "`can_<action>_<resource>`" }),
    resource: z.string().openapi({ example: "team" }),
    action: z.string().openapi({ example: "create" }),
    label: z.string().openapi({ example: "Create team" }),
    category: z.enum(["content", "administration"]).openapi({ description: "Workspace content, or the workspace's own administration" }),
  })
  .openapi("Permission");

export const RoleParamsSchema = z.object({
  role: z.enum(roles).openapi({ param: { name: "role", in: "path" }, example: "member", description: "owner, admin, member or viewer" }),
});

export const RolePermissionsSchema = z
  .object({
    role: z.enum(roles).openapi({ example: "member" }),
    editable: z.boolean().openapi({ description: "False for the owner role, whose grants are fixed" }),
    permissions: z
      .record(z.string(), z.boolean())
      .openapi({ description: "Every catalog permission and whether the role holds it", example: { can_view_team: true, can_create_team: false } }),
    granted: z.array(z.string()).openapi({ description: "The permissions the role holds", example: ["can_view_team"] }),
    customized: z.array(z.string()).openapi({ description: "Permissions this workspace set differently from the default" }),
  })
  .openapi("RolePermissions");

/** A role's grants as JSON. */
export function rolePermissionsJson(value: RolePermissions): z.infer<typeof RolePermissionsSchema> {
  return {
    role: value.role,
    editable: value.editable,
    permissions: value.permissions,
    granted: value.granted,
    customized: value.customized,
  };
}

export const RolePermissionEntrySchema = z
  .object({
    permission: z.string().min(1).max(100).openapi({ example: "can_create_team" }),
    allowed: z.boolean().openapi({ example: true }),
  })
  .openapi("RolePermissionEntry");
