import type { Actor } from "../auth/actor.ts";
import { NotFound } from "../errors.ts";
import type { AccountDeps } from "./account-deps.ts";
import type { ProfilePatch } from "./account-repository.ts";
import { viewAccount, type AccountView } from "./account-view.ts";
import { requireUserId } from "./get-current-user.ts";

export type UpdateCurrentUserDeps = Pick<AccountDeps, "accounts" | "storage" | "now">;
/** What users may change about themselves (email changes go through an admin or support). */
export type OwnProfilePatch = Omit<ProfilePatch, "email">;

/** Updates only the given profile fields of the signed-in user. */
export async function updateCurrentUser(
  deps: UpdateCurrentUserDeps,
  actor: Actor,
  patch: OwnProfilePatch,
): Promise<AccountView> {
  const userId = requireUserId(actor);
  const account = await deps.accounts.updateProfile(userId, patch, deps.now());
  if (!account) throw new NotFound("user", userId);
  return await viewAccount(deps, account);
}
