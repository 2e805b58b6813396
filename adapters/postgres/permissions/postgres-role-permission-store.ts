import type { InTransaction } from "../../../core/events/domain-event.ts";
import { asEventTransaction } from "../events/postgres-event-recorder.ts";
import { sql } from "kysely";
import type {
  EditableRole,
  RolePermissionEntry,
  RolePermissionStore,
  StoredRolePermission,
} from "../../../core/permissions/role-permission-store.ts";
import type { DatabaseHandle } from "../open-database.ts";
import { tenantDatabase } from "../tenant-database.ts";

/** Stored role grants in the tenant's `role_permissions` table. */
export class PostgresRolePermissionStore implements RolePermissionStore {
  constructor(private readonly handle: DatabaseHandle) {}

  async list(schemaName: string): Promise<StoredRolePermission[]> {
    const rows = await tenantDatabase(this.handle, schemaName).transaction((trx) =>
      trx.selectFrom("role_permissions").selectAll().orderBy("role").orderBy("permission").execute(),
    );
    return rows.map((r) => ({
      role: r.role,
      permission: r.permission,
      allowed: r.allowed,
      updatedBy: r.updated_by,
      updatedAt: r.updated_at,
    }));
  }

  async upsert(
    schemaName: string,
    role: EditableRole,
    entries: readonly RolePermissionEntry[],
    by: string | null,
    at: Date,
    within?: InTransaction,
  ): Promise<void> {
    if (entries.length === 0) return;
    await tenantDatabase(this.handle, schemaName).transaction(async (trx) => {
      await trx
        .insertInto("role_permissions")
        .values(entries.map((e) => ({ role, permission: e.permission, allowed: e.allowed, updated_by: by, updated_at: at })))
        .onConflict((oc) =>
          oc.columns(["role", "permission"]).doUpdateSet({
            allowed: sql`excluded.allowed`,
            updated_by: sql`excluded.updated_by`,
            updated_at: sql`excluded.updated_at`,
          }),
        )
        .execute();
      await within?.(asEventTransaction(trx), undefined);
    });
  }

  async clear(schemaName: string, role: EditableRole, within?: InTransaction<number>): Promise<number> {
    return await tenantDatabase(this.handle, schemaName).transaction(async (trx) => {
      const result = await trx.deleteFrom("role_permissions").where("role", "=", role).executeTakeFirst();
      const removed = Number(result.numDeletedRows);
      if (removed > 0) await within?.(asEventTransaction(trx), removed);
      return removed;
    });
  }

  async insertMissing(
    schemaName: string,
    rows: readonly (RolePermissionEntry & { role: EditableRole })[],
    by: string | null,
    at: Date,
  ): Promise<number> {
    if (rows.length === 0) return 0;
    const inserted = await tenantDatabase(this.handle, schemaName).transaction((trx) =>
      trx
        .insertInto("role_permissions")
        .values(rows.map((r) => ({ role: r.role, permission: r.permission, allowed: r.allowed, updated_by: by, updated_at: at })))
        .onConflict((oc) => oc.columns(["role", "permission"]).doNothing())
        .returning("permission")
        .execute(),
    );
    return inserted.length;
  }
}
