import type { Kysely } from "kysely";
import type {
  NewRefreshToken,
  RefreshTokenRecord,
  RefreshTokenStore,
} from "../../../core/ports/refresh-token-store.ts";
import type { PlatformDatabase } from "../platform-schema.ts";

function toRow(token: NewRefreshToken) {
  return {
    id: token.id,
    user_id: token.userId,
    family_id: token.familyId,
    token_hash: token.tokenHash,
    expires_at: token.expiresAt,
    user_agent: token.userAgent?.slice(0, 512) ?? null,
    ip: token.ip ?? null,
    impersonator_id: token.impersonatorId ?? null,
  };
}

/** Refresh tokens in `public.refresh_tokens`, by hash; rotation is one transaction. */
export class PostgresRefreshTokenStore implements RefreshTokenStore {
  constructor(private readonly db: Kysely<PlatformDatabase>) {}

  async insert(token: NewRefreshToken): Promise<void> {
    await this.db.insertInto("refresh_tokens").values(toRow(token)).execute();
  }

  async findByHash(tokenHash: string): Promise<RefreshTokenRecord | null> {
    const row = await this.db
      .selectFrom("refresh_tokens")
      .select(["id", "user_id", "family_id", "token_hash", "expires_at", "revoked_at", "replaced_by", "impersonator_id"])
      .where("token_hash", "=", tokenHash)
      .executeTakeFirst();
    if (!row) return null;
    return {
      id: row.id,
      userId: row.user_id,
      familyId: row.family_id,
      tokenHash: row.token_hash,
      expiresAt: row.expires_at,
      revokedAt: row.revoked_at,
      replacedBy: row.replaced_by,
      impersonatorId: row.impersonator_id,
    };
  }

  async rotate(oldId: string, next: NewRefreshToken, now: Date): Promise<boolean> {
    return await this.db.transaction().execute(async (trx) => {
      // The conditional UPDATE is the race guard: of two concurrent refreshes
      // with the same token, only one sees a live row.
      const consumed = await trx
        .updateTable("refresh_tokens")
        .set({ revoked_at: now, replaced_by: next.id })
        .where("id", "=", oldId)
        .where("revoked_at", "is", null)
        .returning("id")
        .executeTakeFirst();
      if (!consumed) return false;
      await trx.insertInto("refresh_tokens").values(toRow(next)).execute();
      return true;
    });
  }

  async revokeFamily(familyId: string, now: Date): Promise<void> {
    await this.db
      .updateTable("refresh_tokens")
      .set({ revoked_at: now })
      .where("family_id", "=", familyId)
      .where("revoked_at", "is", null)
      .execute();
  }

  async revokeAllForUser(userId: string, now: Date): Promise<void> {
    await this.db
      .updateTable("refresh_tokens")
      .set({ revoked_at: now })
      .where("user_id", "=", userId)
      .where("revoked_at", "is", null)
      .execute();
  }
}
