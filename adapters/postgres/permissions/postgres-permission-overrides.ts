import type { Role } from "../../../core/auth/actor.ts";
import type { PermissionOverrides } from "../../../core/permissions/authorize.ts";
import { isPermissionName, type PermissionName } from "../../../core/permissions/catalog.ts";
import type { DatabaseHandle } from "../open-database.ts";
import { tenantDatabase } from "../tenant-database.ts";

/** Role overrides from the tenant's `role_permissions` table. */
export class PostgresPermissionOverrides implements PermissionOverrides {
  constructor(private readonly handle: DatabaseHandle) {}

  async forRole(schemaName: string, role: Role): Promise<ReadonlyMap<PermissionName, boolean>> {
    if (role === "owner") return new Map();
    const rows = await tenantDatabase(this.handle, schemaName).transaction((trx) =>
      trx.selectFrom("role_permissions").select(["permission", "allowed"]).where("role", "=", role).execute(),
    );
    // Rows naming permissions since removed from the catalog are ignored.
    return new Map(rows.filter((r) => isPermissionName(r.permission)).map((r) => [r.permission as PermissionName, r.allowed]));
  }
}
