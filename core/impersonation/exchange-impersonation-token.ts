import { startSession, type ClientInfo, type SessionDeps, type TokenPair } from "../auth/sessions.ts";
import { Unauthenticated } from "../errors.ts";
import type { AuthDirectory } from "../ports/auth-directory.ts";
import type { OneTimeTokenStore } from "../ports/one-time-token-store.ts";
import type { AuditLog } from "./audit-log.ts";
import { IMPERSONATION_TOKEN_KIND } from "./issue-impersonation-token.ts";

export type ExchangeImpersonationDeps = {
  authDirectory: AuthDirectory;
  oneTimeTokens: OneTimeTokenStore;
  auditLog: AuditLog;
  session: SessionDeps;
  now(): Date;
};

/**
 * Exchanges an impersonation token (single use) for a session of the target user whose
 * access token says `typ: "impersonation"` and `act: <staff user id>`. 401 when the token is
 * unknown, used, expired or of another kind, when the target is missing or inactive, or when
 * the staff user lost their staff rights meanwhile. Audited.
 */
export async function exchangeImpersonationToken(
  deps: ExchangeImpersonationDeps,
  token: string,
  client: ClientInfo = {},
): Promise<TokenPair> {
  const invalid = (): never => {
    throw new Unauthenticated("the impersonation token is invalid or expired", "invalid_token");
  };
  const record = await deps.oneTimeTokens.consume(IMPERSONATION_TOKEN_KIND, token, deps.now());
  if (!record || !record.userId) return invalid();
  const actorId = typeof record.payload.actor_id === "string" ? record.payload.actor_id : null;
  if (!actorId) return invalid();
  const [target, actor] = await Promise.all([deps.authDirectory.findUser(record.userId), deps.authDirectory.findUser(actorId)]);
  if (!target || !target.isActive) throw new Unauthenticated("the user is missing or deactivated", "user_inactive");
  if (!actor || !actor.isActive || (!actor.isStaff && !actor.isSuperuser)) return invalid();

  const pair = await startSession(deps.session, target.id, client, { impersonatorId: actor.id });
  await deps.auditLog.record({
    actorUserId: actor.id,
    action: "impersonation.started",
    targetType: "user",
    targetId: target.id,
    metadata: { session_id: pair.session_id },
    ip: client.ip ?? null,
  });
  return pair;
}
