import { sql, type Kysely } from "kysely";
import type {
  TenantSchemaState,
  WorkspaceCounts,
  WorkspaceHealthReader,
} from "../../../core/workspace-health/workspace-health-reader.ts";
import { tenantSchemaStatus } from "../migrator.ts";
import type { PlatformDatabase } from "../platform-schema.ts";

/** Workspace Health from the migrator's bookkeeping and platform tables (no tenant table is read). */
export class PostgresWorkspaceHealthReader implements WorkspaceHealthReader {
  constructor(private readonly db: Kysely<PlatformDatabase>) {}

  async schemaState(schemaName: string): Promise<TenantSchemaState> {
    const status = await tenantSchemaStatus(this.db, schemaName);
    return { current: status.current, latest: status.latest, behind: status.behind };
  }

  async counts(workspaceId: string, now: Date): Promise<WorkspaceCounts> {
    const [members, keys] = await Promise.all([
      this.db
        .selectFrom("workspace_members")
        .select(sql<number>`count(*)::int`.as("n"))
        .where("workspace_id", "=", workspaceId)
        .where("status", "=", "active")
        .executeTakeFirstOrThrow(),
      this.db
        .selectFrom("api_keys")
        .select(sql<number>`count(*)::int`.as("n"))
        .where("workspace_id", "=", workspaceId)
        .where("is_active", "=", true)
        .where("revoked_at", "is", null)
        .where((eb) => eb.or([eb("expires_at", "is", null), eb("expires_at", ">", now)]))
        .executeTakeFirstOrThrow(),
    ]);
    return { members: members.n, activeApiKeys: keys.n };
  }
}
