import type { InTransaction } from "../events/domain-event.ts";
import type { Role } from "../auth/actor.ts";
import type { PermissionName } from "./catalog.ts";

/** Roles whose grants a workspace may change: every role but the owner. */
export type EditableRole = Exclude<Role, "owner">;

/** One stored grant of a role (tenant table `role_permissions`). */
export type StoredRolePermission = {
  role: EditableRole;
  permission: string;
  allowed: boolean;
  updatedBy: string | null;
  updatedAt: Date;
};

/** A grant to store for a role. */
export type RolePermissionEntry = { permission: PermissionName; allowed: boolean };

/**
 * Writes and lists a workspace's stored role grants. A missing row means "the
 * catalog default"; reads for authorization go through `PermissionOverrides`.
 */
export interface RolePermissionStore {
  /** Every stored row of the workspace, all roles. */
  list(schemaName: string): Promise<StoredRolePermission[]>;
  /** Inserts or replaces `entries` for `role`, in one transaction. */
  upsert(schemaName: string, role: EditableRole, entries: readonly RolePermissionEntry[], by: string | null, at: Date, within?: InTransaction): Promise<void>;
  /** Deletes every stored row of `role`; returns how many there were. */
  clear(schemaName: string, role: EditableRole, within?: InTransaction<number>): Promise<number>;
  /** Inserts the rows that are not stored yet (existing ones are kept); returns how many were inserted. */
  insertMissing(
    schemaName: string,
    rows: readonly (RolePermissionEntry & { role: EditableRole })[],
    by: string | null,
    at: Date,
  ): Promise<number>;
}
