import type { Actor, Role } from "../auth/actor.ts";
import { Forbidden } from "../errors.ts";
import { defaultGrant, type PermissionName } from "./catalog.ts";

/** Reads a workspace's per-role overrides of the default grants. */
export interface PermissionOverrides {
  /** Overrides for `role` in the workspace whose tenant schema is `schemaName`. */
  forRole(schemaName: string, role: Role): Promise<ReadonlyMap<PermissionName, boolean>>;
}

/** Whether `role` holds `permission`, given the workspace's overrides. Owners hold everything. */
export function roleHolds(role: Role, permission: PermissionName, overrides: ReadonlyMap<PermissionName, boolean>): boolean {
  if (role === "owner") return true;
  return overrides.get(permission) ?? defaultGrant(role, permission);
}

/**
 * The one permission check every use-case calls. Users act with their role's
 * grants in the current workspace. API keys act as members, narrowed to their
 * scopes when they have any (`*` means all of a member's grants).
 *
 * @example
 * await authorize(deps, actor, "can_create_team");
 */
export async function authorize(
  deps: { permissionOverrides: PermissionOverrides },
  actor: Actor,
  permission: PermissionName,
): Promise<void> {
  if (!(await isAuthorized(deps, actor, permission))) {
    throw new Forbidden(`you need the ${permission} permission to do this`, permission);
  }
}

/** {@link authorize} as a boolean, for UI flags and "own vs any" decisions. */
export async function isAuthorized(
  deps: { permissionOverrides: PermissionOverrides },
  actor: Actor,
  permission: PermissionName,
): Promise<boolean> {
  const workspace = actor.workspace;
  if (!workspace) return false;
  if (actor.kind === "api-key" && actor.scopes.length > 0 && !actor.scopes.includes("*") && !actor.scopes.includes(permission)) {
    return false;
  }
  const overrides = await deps.permissionOverrides.forRole(workspace.schemaName, workspace.role);
  return roleHolds(workspace.role, permission, overrides);
}
