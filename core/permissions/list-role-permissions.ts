import type { Actor, Role } from "../auth/actor.ts";
import { authorize, type PermissionOverrides } from "./authorize.ts";
import type { RolePermissionStore } from "./role-permission-store.ts";
import { allRolePermissions, type RolePermissions } from "./role-permissions.ts";

export type RolePermissionsDeps = { permissionOverrides: PermissionOverrides; rolePermissions: RolePermissionStore };

/** Every role's effective grants in the workspace. Requires `can_view_permission` (admins and owners by default). */
export async function listRolePermissions(
  deps: RolePermissionsDeps,
  actor: Actor,
): Promise<{ roles: Record<Role, RolePermissions> }> {
  await authorize(deps, actor, "can_view_permission");
  return { roles: allRolePermissions(await deps.rolePermissions.list(actor.workspace!.schemaName)) };
}
