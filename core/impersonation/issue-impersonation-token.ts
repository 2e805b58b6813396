import type { Actor } from "../auth/actor.ts";
import { Forbidden, NotFound, Unauthenticated } from "../errors.ts";
import type { AuthDirectory } from "../ports/auth-directory.ts";
import type { OneTimeTokenStore } from "../ports/one-time-token-store.ts";
import type { AuditLog } from "./audit-log.ts";

/** One-time token kind for impersonation; lives 5 minutes. */
export const IMPERSONATION_TOKEN_KIND = "impersonation";
export const IMPERSONATION_TOKEN_TTL_SECONDS = 300;

export type IssueImpersonationDeps = {
  authDirectory: AuthDirectory;
  oneTimeTokens: OneTimeTokenStore;
  auditLog: AuditLog;
  now(): Date;
};

/**
 * Lets a staff user (or superuser) act as `targetUserId`: a single-use token valid 5 minutes,
 * exchanged at `POST /auth/impersonation/exchange`. Staff cannot impersonate staff or
 * superusers (only superusers can), nobody impersonates themselves, and an impersonation
 * session cannot start another. Audited.
 */
export async function issueImpersonationToken(
  deps: IssueImpersonationDeps,
  actor: Actor,
  targetUserId: string,
  client: { ip?: string | null } = {},
): Promise<{ token: string; expiresAt: Date }> {
  if (actor.kind !== "user") throw new Forbidden("only staff users can impersonate");
  if (actor.impersonatorId) throw new Forbidden("an impersonation session cannot impersonate");
  if (!actor.isStaff && !actor.isSuperuser) throw new Forbidden("only staff users can impersonate");
  if (actor.userId === targetUserId) throw new Forbidden("you cannot impersonate yourself");
  const target = await deps.authDirectory.findUser(targetUserId);
  if (!target) throw new NotFound("user", targetUserId);
  if ((target.isStaff || target.isSuperuser) && !actor.isSuperuser) throw new Forbidden("only superusers can impersonate staff");
  if (!target.isActive) throw new Unauthenticated("the user is deactivated", "user_inactive");

  const { token, record } = await deps.oneTimeTokens.issue(
    { kind: IMPERSONATION_TOKEN_KIND, userId: target.id, payload: { actor_id: actor.userId }, ttlSeconds: IMPERSONATION_TOKEN_TTL_SECONDS },
    deps.now(),
  );
  await deps.auditLog.record({
    actorUserId: actor.userId,
    action: "impersonation.issued",
    targetType: "user",
    targetId: target.id,
    metadata: { token_id: record.id, expires_at: record.expiresAt.toISOString() },
    ip: client.ip ?? null,
  });
  return { token, expiresAt: record.expiresAt };
}
