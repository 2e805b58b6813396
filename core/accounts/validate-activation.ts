import { Unauthenticated } from "../errors.ts";
import type { OneTimeTokenRecord } from "../ports/one-time-token-store.ts";
import type { AccountDeps } from "./account-deps.ts";
import type { Account, AccountMembership } from "./account-repository.ts";

export type ValidateActivationDeps = Pick<AccountDeps, "accounts" | "oneTimeTokens" | "now">;
export type ActivationInput = { token: string; workspaceId: string };
export type ValidActivation = {
  account: Account;
  membership: AccountMembership;
  record: OneTimeTokenRecord;
};

const invalid = (): Unauthenticated =>
  new Unauthenticated("the activation link is invalid, expired or already used", "invalid_activation_token");

/**
 * The live activation token for this workspace, its user (still without a password) and
 * their membership; 401 `invalid_activation_token` otherwise. Does not use the token.
 */
export async function checkActivationToken(
  deps: ValidateActivationDeps,
  input: ActivationInput,
): Promise<ValidActivation> {
  const record = await deps.oneTimeTokens.peek("activation", input.token, deps.now());
  if (!record || !record.userId || record.workspaceId !== input.workspaceId) throw invalid();
  const account = await deps.accounts.findById(record.userId);
  if (!account || account.hasPassword || !account.isActive) throw invalid();
  const membership = await deps.accounts.findMembership(input.workspaceId, account.id);
  if (!membership) throw invalid();
  return { account, membership, record };
}

/** Validates an activation link (the token is the credential): user and workspace info. */
export async function validateActivation(
  deps: ValidateActivationDeps,
  input: ActivationInput,
): Promise<ValidActivation> {
  return await checkActivationToken(deps, input);
}
