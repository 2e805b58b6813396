import type { Actor } from "../auth/actor.ts";
import { NotFound, Unauthenticated } from "../errors.ts";
import type { AccountDeps } from "./account-deps.ts";
import type { AccountMembership } from "./account-repository.ts";
import { viewAccount, type AccountView } from "./account-view.ts";

export type GetCurrentUserDeps = Pick<AccountDeps, "accounts" | "storage">;
export type CurrentUser = { account: AccountView; membership: AccountMembership | null };

/** The signed-in user's id; API keys act for no user here. */
export function requireUserId(actor: Actor): string {
  if (actor.kind !== "user") throw new Unauthenticated("a user access token is required");
  return actor.userId;
}

/**
 * The signed-in user, and with `workspaceId` also their membership there
 * (404 when they are not a member: another workspace is never revealed).
 */
export async function getCurrentUser(
  deps: GetCurrentUserDeps,
  actor: Actor,
  input: { workspaceId?: string } = {},
): Promise<CurrentUser> {
  const userId = requireUserId(actor);
  const account = await deps.accounts.findById(userId);
  if (!account) throw new NotFound("user", userId);
  let membership: AccountMembership | null = null;
  if (input.workspaceId) {
    membership = await deps.accounts.findMembership(input.workspaceId, userId);
    if (!membership) throw new NotFound("workspace", input.workspaceId);
  }
  return { account: await viewAccount(deps, account), membership };
}
