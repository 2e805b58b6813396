import { roles, type Role } from "../auth/actor.ts";
import { roleHolds } from "./authorize.ts";
import { defaultGrant, isPermissionName, permissionCatalog, type PermissionName } from "./catalog.ts";
import type { StoredRolePermission } from "./role-permission-store.ts";

/** A role's effective grants in one workspace. */
export type RolePermissions = {
  role: Role;
  /** False for the owner role, whose grants are fixed. */
  editable: boolean;
  /** Every catalog permission with whether the role holds it. */
  permissions: Record<PermissionName, boolean>;
  /** The permissions the role holds, in catalog order. */
  granted: PermissionName[];
  /** Permissions whose stored value differs from the catalog default. */
  customized: PermissionName[];
};

/** Stored rows of one role as an override map (unknown names dropped). */
export function overridesOf(rows: readonly StoredRolePermission[], role: Role): Map<PermissionName, boolean> {
  return new Map(
    rows
      .filter((r) => r.role === role && isPermissionName(r.permission))
      .map((r) => [r.permission as PermissionName, r.allowed]),
  );
}

/** The effective grants of `role` given its overrides. */
export function rolePermissions(role: Role, overrides: ReadonlyMap<PermissionName, boolean>): RolePermissions {
  const permissions = {} as Record<PermissionName, boolean>;
  const granted: PermissionName[] = [];
  const customized: PermissionName[] = [];
  for (const { name } of permissionCatalog) {
    const allowed = roleHolds(role, name, overrides);
    permissions[name] = allowed;
    if (allowed) granted.push(name);
    if (role !== "owner" && overrides.has(name) && overrides.get(name) !== defaultGrant(role, name)) customized.push(name);
  }
  return { role, editable: role !== "owner", permissions, granted, customized };
}

/** Every role's effective grants, from all stored rows of a workspace. */
export function allRolePermissions(rows: readonly StoredRolePermission[]): Record<Role, RolePermissions> {
  return Object.fromEntries(roles.map((role) => [role, rolePermissions(role, overridesOf(rows, role))])) as Record<
    Role,
    RolePermissions
  >;
}
