import { Unauthenticated } from "../errors.ts";
import type { AccountDeps } from "./account-deps.ts";
import { checkPasswordPolicy } from "./password-policy.ts";

export type ResetPasswordDeps = Pick<AccountDeps, "accounts" | "oneTimeTokens" | "passwordHasher" | "refreshTokens" | "now">;

/**
 * Sets a new password with an emailed reset token (single use). Every session of the user
 * ends: whoever knew the old password is signed out. The email counts as verified.
 * A password that breaks the policy is refused before the token is used.
 */
export async function resetPassword(deps: ResetPasswordDeps, input: { token: string; newPassword: string }): Promise<void> {
  checkPasswordPolicy(input.newPassword, "new_password");
  const invalid = new Unauthenticated("the reset link is invalid, expired or already used", "invalid_reset_token");
  const live = await deps.oneTimeTokens.peek("password_reset", input.token, deps.now());
  if (!live?.userId) throw invalid;
  const account = await deps.accounts.findById(live.userId);
  if (!account || !account.isActive) throw invalid;
  const passwordHash = await deps.passwordHasher.hash(input.newPassword);
  const now = deps.now();
  const used = await deps.oneTimeTokens.consume("password_reset", input.token, now);
  if (!used || used.userId !== account.id) throw invalid;
  await deps.accounts.setPassword(account.id, passwordHash, { verifyEmail: true }, now);
  await deps.oneTimeTokens.revokeForUser("password_reset", account.id, now);
  await deps.refreshTokens.revokeAllForUser(account.id, now);
}
