import { startSession, type TokenPair } from "../auth/sessions.ts";
import { Unauthenticated } from "../errors.ts";
import type { AccountDeps } from "./account-deps.ts";
import type { AccountMembership } from "./account-repository.ts";
import { viewAccount, type AccountView } from "./account-view.ts";
import { checkPasswordPolicy } from "./password-policy.ts";
import { checkActivationToken } from "./validate-activation.ts";

export type CompleteActivationDeps = Pick<
  AccountDeps,
  | "accounts"
  | "oneTimeTokens"
  | "passwordHasher"
  | "storage"
  | "refreshTokens"
  | "now"
  | "jwtSecret"
  | "accessTokenTtlSeconds"
  | "refreshTokenTtlDays"
>;
export type CompleteActivationInput = {
  token: string;
  workspaceId: string;
  password: string;
  ip?: string | null;
  userAgent?: string | null;
};
export type CompletedActivation = { tokens: TokenPair; account: AccountView; membership: AccountMembership };

/**
 * Activates an account: sets its password (the email is then verified: the link reached it),
 * uses the token up and signs the user in. A password that breaks the policy is refused
 * before the token is used, so the user can retry with the same link.
 */
export async function completeActivation(
  deps: CompleteActivationDeps,
  input: CompleteActivationInput,
): Promise<CompletedActivation> {
  checkPasswordPolicy(input.password);
  const { account, membership } = await checkActivationToken(deps, input);
  const passwordHash = await deps.passwordHasher.hash(input.password);
  const now = deps.now();
  const used = await deps.oneTimeTokens.consume("activation", input.token, now);
  if (!used || used.userId !== account.id) {
    throw new Unauthenticated("the activation link is invalid, expired or already used", "invalid_activation_token");
  }
  await deps.accounts.setPassword(account.id, passwordHash, { verifyEmail: true }, now);
  await deps.oneTimeTokens.revokeForUser("activation", account.id, now);
  const tokens = await startSession(deps, account.id, { ip: input.ip ?? null, userAgent: input.userAgent ?? null });
  await deps.accounts.recordLogin(account.id, now);
  const activated = (await deps.accounts.findById(account.id)) ?? account;
  return { tokens, account: await viewAccount(deps, activated), membership };
}
