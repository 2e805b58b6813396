import { NotFound } from "../errors.ts";
import type { AccountDeps } from "./account-deps.ts";
import { appLink, passwordResetEmail } from "./account-emails.ts";

export type PasswordResetDeps = Pick<AccountDeps, "accounts" | "oneTimeTokens" | "mailer" | "publicUrl" | "now">;
export type IssuedPasswordReset = { token: string; url: string; email: string; expiresAt: Date };

/** How long an emailed reset link works. */
export const PASSWORD_RESET_TTL_SECONDS = 3600;

/**
 * Issues a single-use reset token valid `ttlSeconds` (older ones are revoked) and returns it
 * with its link `${PUBLIC_URL}/reset-password?token=...`. Workspace admins use this for
 * copyable links (24 hours); the emailed flow uses one hour. 404 when the user is gone.
 */
export async function issuePasswordResetToken(
  deps: Pick<PasswordResetDeps, "accounts" | "oneTimeTokens" | "publicUrl" | "now">,
  userId: string,
  ttlSeconds: number = PASSWORD_RESET_TTL_SECONDS,
): Promise<IssuedPasswordReset> {
  const account = await deps.accounts.findById(userId);
  if (!account) throw new NotFound("user", userId);
  const now = deps.now();
  await deps.oneTimeTokens.revokeForUser("password_reset", userId, now);
  const { token, record } = await deps.oneTimeTokens.issue(
    { kind: "password_reset", userId, email: account.email, ttlSeconds },
    now,
  );
  return { token, url: appLink(deps.publicUrl, "reset-password", { token }), email: account.email, expiresAt: record.expiresAt };
}

/** Issues a reset token and emails its link to the user. Returns where it went and until when it works. */
export async function sendPasswordResetEmail(
  deps: PasswordResetDeps,
  userId: string,
  ttlSeconds: number = PASSWORD_RESET_TTL_SECONDS,
): Promise<{ email: string; expiresAt: Date }> {
  const issued = await issuePasswordResetToken(deps, userId, ttlSeconds);
  const account = await deps.accounts.findById(userId);
  await deps.mailer.send(
    passwordResetEmail({ to: issued.email, fullName: account?.fullName ?? "", link: issued.url, expiresAt: issued.expiresAt }),
  );
  return { email: issued.email, expiresAt: issued.expiresAt };
}
