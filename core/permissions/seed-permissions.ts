import type { Actor } from "../auth/actor.ts";
import { authorize } from "./authorize.ts";
import { defaultGrant, permissionCatalog } from "./catalog.ts";
import type { EditableRole } from "./role-permission-store.ts";
import type { UpdateRolePermissionsDeps } from "./update-role-permissions.ts";

const editableRoles: readonly EditableRole[] = ["admin", "member", "viewer"];

/** Outcome of {@link seedPermissions}. */
export type SeedPermissionsResult = {
  /** Rows written by this call (0 when the workspace was already complete). */
  created: number;
  /** Rows the workspace now stores: every editable role x every catalog permission. */
  total: number;
};

/**
 * Makes the workspace's grants explicit: stores the catalog default for every
 * editable role and permission that has no stored value yet, keeping existing
 * customisations. Idempotent. Requires `can_edit_permission`.
 */
export async function seedPermissions(deps: UpdateRolePermissionsDeps, actor: Actor): Promise<SeedPermissionsResult> {
  await authorize(deps, actor, "can_edit_permission");
  const rows = editableRoles.flatMap((role) =>
    permissionCatalog.map((p) => ({ role, permission: p.name, allowed: defaultGrant(role, p.name) })),
  );
  const created = await deps.rolePermissions.insertMissing(actor.workspace!.schemaName, rows, actor.userId, deps.now());
  return { created, total: rows.length };
}
