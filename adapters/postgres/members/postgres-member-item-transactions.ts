import { sql, type Transaction } from "kysely";
import type { MemberItemScope, MemberItemTransactions } from "../../../core/members/member-item-sources.ts";
import type { WorkspaceRef } from "../../../core/members/member-repository.ts";
import type { DatabaseHandle } from "../open-database.ts";
import type { PlatformDatabase } from "../platform-schema.ts";
import { searchPath } from "../postgis-schema.ts";
import { assertTenantSchemaName, tenantRoleName } from "../tenant-names.ts";
import type { TenantDatabase } from "../tenant-schema.ts";

/** What a {@link MemberItemScope} is inside the Postgres adapters. */
export type PostgresItemScope = {
  workspaceId: string;
  /** The transaction acting on platform tables (as the service's own role). */
  platform(): Promise<Transaction<PlatformDatabase>>;
  /** The same transaction acting as the tenant role, scoped to the tenant schema. */
  tenant(): Promise<Transaction<TenantDatabase>>;
};

/** The adapter view of a scope handed out by {@link PostgresMemberItemTransactions}. */
export function unwrapItemScope(scope: MemberItemScope): PostgresItemScope {
  return scope as unknown as PostgresItemScope;
}

/**
 * One database transaction for every member item source, so reassignment is all or
 * nothing across platform rows (API keys) and tenant rows (teams, records...). Tenant work
 * runs as the tenant role, exactly as `tenantDatabase` does; switching back to platform work
 * resets the role and search path, both transaction-local.
 */
export class PostgresMemberItemTransactions implements MemberItemTransactions {
  constructor(private readonly handle: DatabaseHandle) {}

  async run<T>(ws: WorkspaceRef, work: (scope: MemberItemScope) => Promise<T>): Promise<T> {
    assertTenantSchemaName(ws.schemaName);
    const { handle } = this;
    return await handle.db.transaction().execute(async (trx) => {
      let mode: "platform" | "tenant" = "platform";
      const scope: PostgresItemScope = {
        workspaceId: ws.id,
        async platform() {
          if (mode !== "platform") {
            await sql`select set_config('role', 'none', true), set_config('search_path', ${searchPath("public", handle.extensionSchema)}, true)`.execute(trx);
            mode = "platform";
          }
          return trx;
        },
        async tenant() {
          if (mode !== "tenant") {
            await sql`select set_config('search_path', ${searchPath(ws.schemaName, handle.extensionSchema)}, true), set_config('role', ${tenantRoleName(ws.schemaName)}, true)`.execute(trx);
            mode = "tenant";
          }
          return trx.withSchema(ws.schemaName) as unknown as Transaction<TenantDatabase>;
        },
      };
      return await work(scope as unknown as MemberItemScope);
    });
  }
}
