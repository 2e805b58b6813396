import type { Kysely } from "kysely";
import { generateSecretToken, hashSecretToken } from "../../../core/auth/secret-token.ts";
import { newId } from "../../../core/ids.ts";
import type {
  NewOneTimeToken,
  OneTimeTokenKind,
  OneTimeTokenRecord,
  OneTimeTokenStore,
} from "../../../core/ports/one-time-token-store.ts";
import { jsonb } from "../jsonb.ts";
import type { PlatformDatabase } from "../platform-schema.ts";

type Row = {
  id: string;
  kind: string;
  user_id: string | null;
  workspace_id: string | null;
  email: string | null;
  payload: Record<string, unknown>;
  expires_at: Date;
  used_at: Date | null;
  created_at: Date;
};

const columns = ["id", "kind", "user_id", "workspace_id", "email", "payload", "expires_at", "used_at", "created_at"] as const;

function toRecord(row: Row): OneTimeTokenRecord {
  return {
    id: row.id,
    kind: row.kind,
    userId: row.user_id,
    workspaceId: row.workspace_id,
    email: row.email,
    payload: row.payload ?? {},
    expiresAt: row.expires_at,
    usedAt: row.used_at,
    createdAt: row.created_at,
  };
}

/** One-time tokens in `public.one_time_tokens`, looked up by hash. */
export class PostgresOneTimeTokenStore implements OneTimeTokenStore {
  constructor(private readonly db: Kysely<PlatformDatabase>) {}

  async issue(token: NewOneTimeToken, now: Date): Promise<{ token: string; record: OneTimeTokenRecord }> {
    const secret = generateSecretToken();
    const row = await this.db
      .insertInto("one_time_tokens")
      .values({
        id: newId(),
        kind: token.kind,
        token_hash: hashSecretToken(secret),
        user_id: token.userId ?? null,
        workspace_id: token.workspaceId ?? null,
        email: token.email?.toLowerCase() ?? null,
        payload: jsonb(token.payload ?? {}),
        expires_at: new Date(now.getTime() + token.ttlSeconds * 1000),
        created_at: now,
      })
      .returning(columns)
      .executeTakeFirstOrThrow();
    return { token: secret, record: toRecord(row) };
  }

  async peek(kind: OneTimeTokenKind, token: string, now: Date): Promise<OneTimeTokenRecord | null> {
    const row = await this.db
      .selectFrom("one_time_tokens")
      .select(columns)
      .where("token_hash", "=", hashSecretToken(token))
      .where("kind", "=", kind)
      .where("used_at", "is", null)
      .where("expires_at", ">", now)
      .executeTakeFirst();
    return row ? toRecord(row) : null;
  }

  async consume(kind: OneTimeTokenKind, token: string, now: Date): Promise<OneTimeTokenRecord | null> {
    // One conditional UPDATE: the row lock makes concurrent uses of a token take turns,
    // and the second finds used_at already set.
    const row = await this.db
      .updateTable("one_time_tokens")
      .set({ used_at: now })
      .where("token_hash", "=", hashSecretToken(token))
      .where("kind", "=", kind)
      .where("used_at", "is", null)
      .where("expires_at", ">", now)
      .returning(columns)
      .executeTakeFirst();
    return row ? toRecord(row) : null;
  }

  async revokeForUser(kind: OneTimeTokenKind, userId: string, now: Date): Promise<void> {
    await this.db
      .updateTable("one_time_tokens")
      .set({ used_at: now })
      .where("kind", "=", kind)
      .where("user_id", "=", userId)
      .where("used_at", "is", null)
      .execute();
  }
}
