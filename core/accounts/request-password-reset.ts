import type { AccountDeps } from "./account-deps.ts";
import { normalizeEmail } from "./password-policy.ts";
import { sendPasswordResetEmail } from "./password-reset.ts";

export type RequestPasswordResetDeps = Pick<
  AccountDeps,
  "accounts" | "oneTimeTokens" | "mailer" | "publicUrl" | "now" | "logger"
>;

/**
 * Emails a reset link when the email belongs to an active account. The caller learns nothing
 * either way: the answer is the same, and the token and mail work runs after the response
 * (its failures are logged), so the response time does not depend on the account existing.
 * Returns the pending work so tests and callers that want to can await it.
 */
export async function requestPasswordReset(
  deps: RequestPasswordResetDeps,
  input: { email: string },
): Promise<{ delivery: Promise<void> }> {
  const email = normalizeEmail(input.email);
  const delivery = (async (): Promise<void> => {
    const found = await deps.accounts.findCredentialsByEmail(email);
    if (!found || !found.account.isActive) return;
    await sendPasswordResetEmail(deps, found.account.id);
  })().catch((error: unknown) => {
    deps.logger.error("password reset email failed", { error: String(error) });
  });
  return { delivery };
}
