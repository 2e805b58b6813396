import type { Actor, Role } from "../auth/actor.ts";
import { authorize } from "./authorize.ts";
import type { RolePermissionsDeps } from "./list-role-permissions.ts";
import { overridesOf, rolePermissions, type RolePermissions } from "./role-permissions.ts";

/** One role's effective grants in the workspace. Requires `can_view_permission`. */
export async function getRolePermissions(
  deps: RolePermissionsDeps,
  actor: Actor,
  input: { role: Role },
): Promise<RolePermissions> {
  await authorize(deps, actor, "can_view_permission");
  const rows = await deps.rolePermissions.list(actor.workspace!.schemaName);
  return rolePermissions(input.role, overridesOf(rows, input.role));
}
