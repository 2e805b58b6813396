import { Unauthenticated } from "../errors.ts";
import { newId } from "../ids.ts";
import type { RefreshTokenStore } from "../ports/refresh-token-store.ts";
import { issueAccessToken } from "./access-token.ts";
import { generateSecretToken, hashSecretToken } from "./secret-token.ts";

export type SessionDeps = {
  refreshTokens: RefreshTokenStore;
  now(): Date;
  jwtSecret: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
};

export type ClientInfo = { userAgent?: string | null; ip?: string | null };

/** What login and refresh return (field names as in the API reference). */
export type TokenPair = {
  access_token: string;
  refresh_token: string;
  token_type: "bearer";
  /** Seconds until the access token expires. */
  expires_in: number;
  refresh_token_expires_at: string;
  session_id: string;
};

const DAY_MS = 86_400_000;

function issuePair(
  deps: SessionDeps,
  userId: string,
  sessionId: string,
  refreshToken: string,
  refreshExpiresAt: Date,
  now: Date,
  impersonatorId: string | null,
): TokenPair {
  const access = issueAccessToken(
    deps.jwtSecret,
    impersonatorId
      ? { sub: userId, sid: sessionId, typ: "impersonation", act: impersonatorId }
      : { sub: userId, sid: sessionId, typ: "access" },
    deps.accessTokenTtlSeconds,
    now,
    newId(),
  );
  return {
    access_token: access.token,
    refresh_token: refreshToken,
    token_type: "bearer",
    expires_in: deps.accessTokenTtlSeconds,
    refresh_token_expires_at: refreshExpiresAt.toISOString(),
    session_id: sessionId,
  };
}

/**
 * Starts a session for an authenticated user: a new token family. With
 * `impersonatorId`, every access token of the session (refreshed ones too) says
 * `typ: "impersonation"` and names the staff user in `act`.
 */
export async function startSession(
  deps: SessionDeps,
  userId: string,
  client: ClientInfo = {},
  options: { impersonatorId?: string } = {},
): Promise<TokenPair> {
  const now = deps.now();
  const sessionId = newId();
  const refreshToken = generateSecretToken();
  const expiresAt = new Date(now.getTime() + deps.refreshTokenTtlDays * DAY_MS);
  await deps.refreshTokens.insert({
    id: newId(),
    userId,
    familyId: sessionId,
    tokenHash: hashSecretToken(refreshToken),
    expiresAt,
    impersonatorId: options.impersonatorId ?? null,
    ...client,
  });
  return issuePair(deps, userId, sessionId, refreshToken, expiresAt, now, options.impersonatorId ?? null);
}

/**
 * Exchanges a refresh token for a new pair (rotation). A token that was already
 * used means it was stolen or replayed: the whole family is revoked, so both the
 * thief and the user must sign in again.
 */
export async function refreshSession(
  deps: SessionDeps,
  refreshToken: string,
  client: ClientInfo = {},
): Promise<TokenPair> {
  const now = deps.now();
  const current = await deps.refreshTokens.findByHash(hashSecretToken(refreshToken));
  if (!current) throw new Unauthenticated("the refresh token is invalid", "invalid_refresh_token");
  if (current.revokedAt) {
    if (current.replacedBy) await deps.refreshTokens.revokeFamily(current.familyId, now);
    throw new Unauthenticated("the refresh token was already used or revoked", "refresh_token_reused");
  }
  if (current.expiresAt.getTime() <= now.getTime()) {
    throw new Unauthenticated("the refresh token has expired", "refresh_token_expired");
  }
  const next = generateSecretToken();
  // The family keeps its original absolute expiry: rotation does not extend a session forever.
  const rotated = await deps.refreshTokens.rotate(
    current.id,
    {
      id: newId(),
      userId: current.userId,
      familyId: current.familyId,
      tokenHash: hashSecretToken(next),
      expiresAt: current.expiresAt,
      impersonatorId: current.impersonatorId,
      ...client,
    },
    now,
  );
  if (!rotated) {
    await deps.refreshTokens.revokeFamily(current.familyId, now);
    throw new Unauthenticated("the refresh token was already used or revoked", "refresh_token_reused");
  }
  return issuePair(deps, current.userId, current.familyId, next, current.expiresAt, now, current.impersonatorId);
}

/** Ends a session (logout): its refresh tokens stop working and so do its access tokens. */
export async function endSession(deps: Pick<SessionDeps, "refreshTokens" | "now">, sessionId: string): Promise<void> {
  await deps.refreshTokens.revokeFamily(sessionId, deps.now());
}
