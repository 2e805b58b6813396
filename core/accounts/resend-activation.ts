import type { Actor } from "../auth/actor.ts";
import { Forbidden, Invalid, NotFound } from "../errors.ts";
import type { AccountDeps } from "./account-deps.ts";
import { sendActivationEmail, type SentActivation } from "./activation.ts";
import { normalizeEmail } from "./password-policy.ts";
import { requireAccessToUser } from "./user-access.ts";

export type ResendActivationDeps = Pick<AccountDeps, "accounts" | "oneTimeTokens" | "mailer" | "publicUrl" | "now">;
export type ResendActivationInput = {
  userId?: string;
  email?: string;
  /** The workspace the activation is for; default: the first shared one where the caller is an admin or owner. */
  workspaceId?: string;
};

/**
 * Sends a fresh activation email (older links stop working). The caller must be an admin or
 * owner, with a role at least the user's, in a workspace they share. 409 when already active.
 */
export async function resendActivation(
  deps: ResendActivationDeps,
  actor: Actor,
  input: ResendActivationInput,
): Promise<SentActivation & { userId: string; workspaceId: string }> {
  let userId = input.userId;
  if (userId === undefined) {
    if (input.email === undefined) {
      throw new Invalid("say whose activation to resend", [{ field: "user_id", message: "user_id or email is required" }]);
    }
    const found = await deps.accounts.findCredentialsByEmail(normalizeEmail(input.email));
    // Same answer as an unknown id: the email of a stranger is not confirmed.
    if (!found) throw new NotFound("user");
    const callerId = actor.kind === "user" ? actor.userId : null;
    const shared = callerId ? await deps.accounts.sharedWorkspaces(callerId, found.account.id) : [];
    if (shared.length === 0) throw new NotFound("user");
    userId = found.account.id;
  }
  const access = await requireAccessToUser(deps, actor, userId, "write", input.workspaceId);
  if (!access.via) throw new Forbidden("you cannot resend your own activation");
  const sent = await sendActivationEmail(deps, access.target.id, access.via.workspaceId);
  return { ...sent, userId: access.target.id, workspaceId: access.via.workspaceId };
}
