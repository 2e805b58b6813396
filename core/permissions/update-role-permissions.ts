import type { Actor, Role } from "../auth/actor.ts";
import { Forbidden, Invalid } from "../errors.ts";
import { recordEvent, type EventDeps } from "../events/record-event.ts";
import { authorize, isAuthorized, type PermissionOverrides } from "./authorize.ts";
import { isPermissionName, type PermissionName } from "./catalog.ts";
import type { EditableRole, RolePermissionEntry, RolePermissionStore } from "./role-permission-store.ts";
import { overridesOf, rolePermissions, type RolePermissions } from "./role-permissions.ts";

export type UpdateRolePermissionsDeps = {
  permissionOverrides: PermissionOverrides;
  rolePermissions: RolePermissionStore;
  now(): Date;
};

export type UpdateRolePermissionsInput = {
  role: Role;
  /** Grants to set; names are checked against the catalog. A name given twice keeps its last value. */
  entries: readonly { permission: string; allowed: boolean }[];
};

/** Refuses changes to the owner role, whose grants are fixed (403). */
export function assertEditableRole(role: Role): asserts role is EditableRole {
  if (role === "owner") throw new Forbidden("the owner role's permissions cannot be changed");
}

/**
 * Sets some of a role's grants (the bulk PUT and the single PATCH). Requires
 * `can_edit_permission`; the owner role cannot be changed (403); unknown names
 * are 422 naming each; and nobody can grant a permission they do not hold
 * themselves (403 naming them), so an admin cannot lift a role above their own.
 */
export async function updateRolePermissions(
  deps: UpdateRolePermissionsDeps & EventDeps,
  actor: Actor,
  input: UpdateRolePermissionsInput,
): Promise<RolePermissions> {
  await authorize(deps, actor, "can_edit_permission");
  const { role } = input;
  assertEditableRole(role);
  const unknown = [...new Set(input.entries.map((e) => e.permission).filter((name) => !isPermissionName(name)))];
  if (unknown.length > 0) {
    throw new Invalid(
      `unknown permissions: ${unknown.join(", ")}`,
      unknown.map((name) => ({ field: `permissions.${name}`, message: "is not a permission of the catalog" })),
    );
  }
  const byName = new Map<PermissionName, boolean>();
  for (const e of input.entries) byName.set(e.permission as PermissionName, e.allowed);
  const entries: RolePermissionEntry[] = [...byName].map(([permission, allowed]) => ({ permission, allowed }));

  const notHeld: PermissionName[] = [];
  for (const e of entries) {
    if (e.allowed && !(await isAuthorized(deps, actor, e.permission))) notHeld.push(e.permission);
  }
  if (notHeld.length > 0) {
    throw new Forbidden(`you cannot grant permissions you do not hold: ${notHeld.join(", ")}`, notHeld.join(","));
  }

  const schemaName = actor.workspace!.schemaName;
  if (entries.length > 0) {
    await deps.rolePermissions.upsert(schemaName, role, entries, actor.userId, deps.now(), async (transaction) => {
      await recordEvent(deps, actor, { type: "permissions.updated", entity: { type: "role", id: role, name: role }, metadata: { changes: entries.map((e) => ({ permission: e.permission, allowed: e.allowed })) } }, { transaction });
    });
  }
  return rolePermissions(role, overridesOf(await deps.rolePermissions.list(schemaName), role));
}
