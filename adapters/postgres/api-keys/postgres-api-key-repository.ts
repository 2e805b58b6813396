import type { InTransaction } from "../../../core/events/domain-event.ts";
import { asEventTransaction } from "../events/postgres-event-recorder.ts";
import { sql, type Kysely, type Selectable } from "kysely";
import type {
  ApiKey,
  ApiKeyChanges,
  ApiKeyCounts,
  ApiKeyRepository,
  ListApiKeysFilter,
  NewApiKey,
} from "../../../core/api-keys/api-key-repository.ts";
import { jsonb } from "../jsonb.ts";
import type { ApiKeysTable, PlatformDatabase } from "../platform-schema.ts";

const columns = [
  "id",
  "workspace_id",
  "name",
  "prefix",
  "scopes",
  "is_active",
  "revoked_at",
  "last_used_at",
  "expires_at",
  "created_by",
  "created_at",
  "updated_at",
] as const;

type ApiKeyRow = Pick<Selectable<ApiKeysTable>, (typeof columns)[number]>;

function toApiKey(row: ApiKeyRow): ApiKey {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes,
    isActive: row.is_active,
    revokedAt: row.revoked_at,
    lastUsedAt: row.last_used_at,
    expiresAt: row.expires_at,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toRow(key: NewApiKey) {
  return {
    id: key.id,
    workspace_id: key.workspaceId,
    name: key.name,
    prefix: key.prefix,
    key_hash: key.keyHash,
    scopes: jsonb(key.scopes),
    is_active: true,
    expires_at: key.expiresAt,
    created_by: key.createdBy,
    created_at: key.createdAt,
    updated_at: key.createdAt,
  };
}

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

  async list(workspaceId: string, filter: ListApiKeysFilter): Promise<{ items: ApiKey[]; total: number }> {
    let query = this.db.selectFrom("api_keys").where("workspace_id", "=", workspaceId);
    if (filter.isActive !== undefined) query = query.where("is_active", "=", filter.isActive);
    if (filter.isRevoked !== undefined) query = query.where("revoked_at", filter.isRevoked ? "is not" : "is", null);
    const [rows, total] = await Promise.all([
      query.select(columns).orderBy("created_at", "desc").orderBy("id", "desc").offset(filter.skip).limit(filter.limit).execute(),
      query.select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map(toApiKey), total: total.n };
  }

  async get(workspaceId: string, id: string): Promise<ApiKey | null> {
    const row = await this.db
      .selectFrom("api_keys")
      .select(columns)
      .where("workspace_id", "=", workspaceId)
      .where("id", "=", id)
      .executeTakeFirst();
    return row ? toApiKey(row) : null;
  }

  async create(key: NewApiKey, within?: InTransaction<ApiKey>): Promise<ApiKey> {
    return await this.db.transaction().execute(async (trx) => {
      const created = toApiKey(await trx.insertInto("api_keys").values(toRow(key)).returning(columns).executeTakeFirstOrThrow());
      await within?.(asEventTransaction(trx), created);
      return created;
    });
  }

  async update(workspaceId: string, id: string, changes: ApiKeyChanges, now: Date, within?: InTransaction<ApiKey>): Promise<ApiKey | null> {
    return await this.db.transaction().execute(async (trx) => {
      const row = await trx
        .updateTable("api_keys")
        .set({
          ...(changes.name === undefined ? {} : { name: changes.name }),
          ...(changes.scopes === undefined ? {} : { scopes: jsonb(changes.scopes) }),
          ...(changes.expiresAt === undefined ? {} : { expires_at: changes.expiresAt }),
          ...(changes.isActive === undefined ? {} : { is_active: changes.isActive }),
          ...(changes.revokedAt === undefined ? {} : { revoked_at: changes.revokedAt }),
          updated_at: now,
        })
        .where("workspace_id", "=", workspaceId)
        .where("id", "=", id)
        .where("revoked_at", "is", null)
        .returning(columns)
        .executeTakeFirst();
      if (!row) return null;
      const updated = toApiKey(row);
      await within?.(asEventTransaction(trx), updated);
      return updated;
    });
  }

  async rotate(
    workspaceId: string,
    id: string,
    replacement: NewApiKey,
    now: Date,
    within?: InTransaction<{ revoked: ApiKey; created: ApiKey }>,
  ): Promise<{ revoked: ApiKey; created: ApiKey } | null> {
    return this.db.transaction().execute(async (trx) => {
      const revoked = await trx
        .updateTable("api_keys")
        .set({ revoked_at: now, is_active: false, updated_at: now })
        .where("workspace_id", "=", workspaceId)
        .where("id", "=", id)
        .where("revoked_at", "is", null)
        .returning(columns)
        .executeTakeFirst();
      if (!revoked) return null;
      const created = await trx.insertInto("api_keys").values(toRow(replacement)).returning(columns).executeTakeFirstOrThrow();
      const rotated = { revoked: toApiKey(revoked), created: toApiKey(created) };
      await within?.(asEventTransaction(trx), rotated);
      return rotated;
    });
  }

  async delete(workspaceId: string, id: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom("api_keys")
      .where("workspace_id", "=", workspaceId)
      .where("id", "=", id)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
}
