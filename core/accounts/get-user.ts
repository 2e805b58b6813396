import type { Actor } from "../auth/actor.ts";
import type { AccountDeps } from "./account-deps.ts";
import { viewAccount, type AccountView } from "./account-view.ts";
import { requireAccessToUser } from "./user-access.ts";

export type GetUserDeps = Pick<AccountDeps, "accounts" | "storage">;

/** Another user's profile, under the "same or higher role" rule (403; unknown user 404). */
export async function getUser(deps: GetUserDeps, actor: Actor, userId: string): Promise<AccountView> {
  const { target } = await requireAccessToUser(deps, actor, userId, "read");
  return await viewAccount(deps, target);
}
