import { generateSecretToken, hashSecretToken } from "../auth/secret-token.ts";
import { startSession, type ClientInfo, type TokenPair } from "../auth/sessions.ts";
import type { PaymentInvite, PaymentInviteRepository } from "../billing/payment-invite-repository.ts";
import { Conflict, Invalid, NotFound } from "../errors.ts";
import type { ProvisionedWorkspace } from "../workspaces/provisioning/workspace-provisioning-store.ts";
import { provisionWorkspace, type ProvisioningProgress } from "../workspaces/provision-workspace.ts";
import { checkPasswordPolicy, normalizeEmail } from "../accounts/password-policy.ts";
import { createUser, type SignupDeps } from "./signup.ts";
import type { SignupUser } from "./signup-user-store.ts";

export type InviteSignupDeps = SignupDeps & { paymentInvites: PaymentInviteRepository; now(): Date };

export type InviteSignupInput = {
  inviteCode: string;
  email: string;
  name: string;
  /** Workspace name; default the invite's company name, then "<name>'s workspace". */
  workspaceName?: string | null;
  /** Optional when `clerkId` is given (a random one is then set). */
  password?: string | null;
  clerkId?: string | null;
};

/** A claimed invite and the user created for it, before provisioning. */
export type StartedInviteSignup = { invite: PaymentInvite; user: SignupUser; workspaceName: string };

/** A live (unused, unexpired) invite by its code; NotFound or Conflict otherwise. */
export async function findUsableInvite(
  deps: { paymentInvites: PaymentInviteRepository; now(): Date },
  inviteCode: string,
): Promise<PaymentInvite> {
  const invite = await deps.paymentInvites.findByCodeHash(hashSecretToken(inviteCode));
  if (!invite) throw new NotFound("payment invite");
  if (invite.usedAt) throw new Conflict("this invite was already used");
  if (invite.expiresAt.getTime() <= deps.now().getTime()) throw new Conflict("this invite has expired");
  return invite;
}

/**
 * First half of an invite signup, fast enough for the request: checks the invite and the
 * input, creates the user and claims the invite for them (a second signup gets Conflict).
 */
export async function startInviteSignup(deps: InviteSignupDeps, input: InviteSignupInput): Promise<StartedInviteSignup> {
  const invite = await findUsableInvite(deps, input.inviteCode);
  const email = normalizeEmail(input.email);
  if (email.toLowerCase() !== invite.email.toLowerCase()) {
    throw new Invalid("the email does not match the invite", [{ field: "email", message: "must be the email the invite was sent to" }]);
  }
  let password = input.password ?? null;
  if (password) checkPasswordPolicy(password);
  else if (input.clerkId) password = generateSecretToken();
  else throw new Invalid("a password is required", [{ field: "password", message: "required unless clerk_id is given" }]);

  const user = await createUser(deps, { email, password, fullName: input.name.trim(), clerkId: input.clerkId ?? null });
  if (!(await deps.paymentInvites.claim(invite.id, user.id, deps.now()))) {
    await deps.signupUsers.delete(user.id);
    throw new Conflict("this invite was already used");
  }
  const workspaceName =
    input.workspaceName?.trim() || invite.companyName.trim() || `${user.fullName || email.split("@")[0]}'s workspace`;
  return { invite, user, workspaceName };
}

/**
 * Second half: provisions the workspace on the subscription the invite paid for and links
 * it to the invite. On failure, undoes the first half too (user deleted, invite usable again).
 */
export async function completeInviteSignup(
  deps: InviteSignupDeps,
  started: StartedInviteSignup,
  onProgress?: (progress: ProvisioningProgress) => void | Promise<void>,
): Promise<ProvisionedWorkspace> {
  const { invite, user } = started;
  try {
    const { workspace } = await provisionWorkspace(
      deps,
      {
        name: started.workspaceName,
        owner: { userId: user.id, email: user.email },
        plan: invite.plan,
        existingSubscription: { customerId: invite.stripeCustomerId, subscriptionId: invite.stripeSubscriptionId },
      },
      onProgress,
    );
    await deps.paymentInvites.linkWorkspace(invite.id, workspace.id);
    return workspace;
  } catch (error) {
    await abandonInviteSignup(deps, started);
    throw error;
  }
}

/** Gives the invite back and removes the user a failed invite signup created. */
export async function abandonInviteSignup(deps: InviteSignupDeps, started: { invite: PaymentInvite; user: SignupUser }): Promise<void> {
  try {
    await deps.paymentInvites.release(started.invite.id, started.user.id);
    await deps.signupUsers.delete(started.user.id);
  } catch (error) {
    deps.logger?.error("could not undo a failed invite signup", { inviteId: started.invite.id, error });
  }
}

/** Registration with a paid Stripe invite, in one request: user, workspace, session. */
export async function signupWithInvite(
  deps: InviteSignupDeps,
  input: InviteSignupInput,
  client: ClientInfo = {},
): Promise<{ user: SignupUser; workspace: ProvisionedWorkspace; tokens: TokenPair }> {
  const started = await startInviteSignup(deps, input);
  const workspace = await completeInviteSignup(deps, started);
  const tokens = await startSession(deps.session, started.user.id, client);
  return { user: started.user, workspace, tokens };
}
