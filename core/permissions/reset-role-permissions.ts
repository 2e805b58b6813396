import type { Actor, Role } from "../auth/actor.ts";
import { recordEvent, type EventDeps } from "../events/record-event.ts";
import { authorize } from "./authorize.ts";
import type { RolePermissionsDeps } from "./list-role-permissions.ts";
import { rolePermissions, type RolePermissions } from "./role-permissions.ts";
import { assertEditableRole } from "./update-role-permissions.ts";

/**
 * Drops every stored grant of `role`, so it falls back to the catalog defaults.
 * Requires `can_edit_permission`; the owner role cannot be changed (403).
 */
export async function resetRolePermissions(
  deps: RolePermissionsDeps & EventDeps,
  actor: Actor,
  input: { role: Role },
): Promise<RolePermissions & { removed: number }> {
  await authorize(deps, actor, "can_edit_permission");
  assertEditableRole(input.role);
  const removed = await deps.rolePermissions.clear(actor.workspace!.schemaName, input.role, async (transaction, count) => {
    await recordEvent(deps, actor, { type: "permissions.updated", entity: { type: "role", id: input.role, name: input.role }, metadata: { reset: true, removed: count } }, { transaction });
  });
  return { ...rolePermissions(input.role, new Map()), removed };
}
