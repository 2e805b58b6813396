import type { ObjectStorage } from "../ports/object-storage.ts";
import type { Account } from "./account-repository.ts";
import { resolveAvatarUrl } from "./avatar-url.ts";

/** An account ready to show: `avatarUrl` is a usable URL (signed when uploaded). */
export type AccountView = Account;

/** Resolves the avatar of an account for a response. */
export async function viewAccount(deps: { storage: ObjectStorage }, account: Account): Promise<AccountView> {
  return { ...account, avatarUrl: await resolveAvatarUrl(deps.storage, account.avatarUrl) };
}
