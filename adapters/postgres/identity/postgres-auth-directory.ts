import { sql, type Kysely } from "kysely";
import type { Role } from "../../../core/auth/actor.ts";
import type { AuthDirectory, PrincipalStanding } from "../../../core/ports/auth-directory.ts";
import type { PlatformDatabase } from "../platform-schema.ts";

/** Writes `last_used_at` at most this often per key, not on every request. */
const TOUCH_INTERVAL_MS = 60_000;

/** The auth middleware's lookups as indexed point queries on the platform schema. */
export class PostgresAuthDirectory implements AuthDirectory {
  readonly #lastTouch = new Map<string, number>();
  constructor(private readonly db: Kysely<PlatformDatabase>) {}

  async findUser(userId: string) {
    const row = await this.db
      .selectFrom("users")
      .select(["id", "is_active", "is_staff", "is_superuser"])
      .where("id", "=", userId)
      .where("deleted_at", "is", null)
      .executeTakeFirst();
    return row ? { id: row.id, isActive: row.is_active, isStaff: row.is_staff, isSuperuser: row.is_superuser } : null;
  }

  async isSessionActive(sessionId: string, now: Date): Promise<boolean> {
    const row = await this.db
      .selectFrom("refresh_tokens")
      .select("id")
      .where("family_id", "=", sessionId)
      .where("revoked_at", "is", null)
      .where("expires_at", ">", now)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }

  async findPrincipal(input: { userId: string; sessionId: string; now: Date; workspaceId?: string | undefined }): Promise<PrincipalStanding> {
    // One row whatever exists: the user, the session and the membership are each optional.
    const { rows } = await sql<{
      id: string | null;
      is_active: boolean | null;
      is_staff: boolean | null;
      is_superuser: boolean | null;
      session_active: boolean;
      workspace_id: string | null;
      schema_name: string | null;
      role: string | null;
    }>`
      select u.id, u.is_active, u.is_staff, u.is_superuser,
             exists (select 1 from refresh_tokens t
                      where t.family_id = ${input.sessionId} and t.revoked_at is null and t.expires_at > ${input.now}) as session_active,
             mw.id as workspace_id, mw.schema_name, mw.role
        from (select 1) as one
        left join users u on u.id = ${input.userId}::uuid and u.deleted_at is null
        left join lateral (
          select w.id, w.schema_name, m.role
            from workspace_members m join workspaces w on w.id = m.workspace_id
           where m.workspace_id = ${input.workspaceId ?? null}::uuid and m.user_id = ${input.userId}::uuid
             and m.status = 'active' and w.status = 'active' and w.deleted_at is null
        ) mw on true`.execute(this.db);
    const row = rows[0]!;
    return {
      user: row.id ? { id: row.id, isActive: row.is_active!, isStaff: row.is_staff!, isSuperuser: row.is_superuser! } : null,
      sessionActive: row.session_active,
      membership: row.workspace_id ? { workspaceId: row.workspace_id, schemaName: row.schema_name!, role: row.role as Role } : null,
    };
  }

  async findMembership(workspaceId: string, userId: string) {
    const row = await this.db
      .selectFrom("workspace_members as m")
      .innerJoin("workspaces as w", "w.id", "m.workspace_id")
      .select(["w.id", "w.schema_name", "m.role"])
      .where("m.workspace_id", "=", workspaceId)
      .where("m.user_id", "=", userId)
      .where("m.status", "=", "active")
      .where("w.status", "=", "active")
      .where("w.deleted_at", "is", null)
      .executeTakeFirst();
    return row ? { workspaceId: row.id, schemaName: row.schema_name, role: row.role as Role } : null;
  }

  async findApiKeyByHash(keyHash: string) {
    const row = await this.db
      .selectFrom("api_keys as k")
      .innerJoin("workspaces as w", "w.id", "k.workspace_id")
      .select([
        "k.id",
        "k.workspace_id",
        "w.schema_name",
        "k.scopes",
        "k.created_by",
        "k.is_active",
        "k.revoked_at",
        "k.expires_at",
        "w.status as workspace_status",
        "w.deleted_at as workspace_deleted_at",
      ])
      .where("k.key_hash", "=", keyHash)
      .executeTakeFirst();
    if (!row) return null;
    const workspaceUsable = row.workspace_status === "active" && row.workspace_deleted_at === null;
    return {
      id: row.id,
      workspaceId: row.workspace_id,
      schemaName: row.schema_name,
      scopes: Array.isArray(row.scopes) ? row.scopes : [],
      createdBy: row.created_by,
      isActive: row.is_active && workspaceUsable,
      revokedAt: row.revoked_at,
      expiresAt: row.expires_at,
    };
  }

  async touchApiKey(id: string, now: Date): Promise<void> {
    const last = this.#lastTouch.get(id) ?? 0;
    if (now.getTime() - last < TOUCH_INTERVAL_MS) return;
    this.#lastTouch.set(id, now.getTime());
    await this.db.updateTable("api_keys").set({ last_used_at: now }).where("id", "=", id).execute();
  }
}
