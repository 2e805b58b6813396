import { sql, type Kysely } from "kysely";
import type { ApiKeyCounts, ApiKeyRepository } from "../../../core/api-keys/api-key-repository.ts";
import type { PlatformDatabase } from "../platform-schema.ts";

/** API keys in `public.api_keys`; every query is filtered by workspace. */
export class PostgresApiKeyRepository implements ApiKeyRepository {
  constructor(private readonly db: Kysely<PlatformDatabase>) {}

  async count(workspaceId: string, now: Date): Promise<ApiKeyCounts> {
    const row = await this.db
      .selectFrom("api_keys")
      .select([
        sql<number>`count(*)::int`.as("total"),
        sql<number>`(count(*) filter (where is_active and revoked_at is null and (expires_at is null or expires_at > ${now})))::int`.as("active"),
        sql<number>`(count(*) filter (where revoked_at is not null))::int`.as("revoked"),
      ])
      .where("workspace_id", "=", workspaceId)
      .executeTakeFirstOrThrow();
    return { total: row.total, active: row.active, revoked: row.revoked };
  }
}
