import { startSession, type ClientInfo, type SessionDeps, type TokenPair } from "../auth/sessions.ts";
import { Conflict } from "../errors.ts";
import { newId } from "../ids.ts";
import type { BillingSubscription } from "../ports/billing.ts";
import type { PasswordHasher } from "../ports/password-hasher.ts";
import type { ProvisionedWorkspace } from "../workspaces/provisioning/workspace-provisioning-store.ts";
import {
  provisionWorkspace,
  type ProvisioningProgress,
  type ProvisionWorkspaceDeps,
} from "../workspaces/provision-workspace.ts";
import { checkPasswordPolicy, normalizeEmail } from "../accounts/password-policy.ts";
import type { SignupUser, SignupUserStore } from "./signup-user-store.ts";

export type SignupDeps = ProvisionWorkspaceDeps & {
  signupUsers: SignupUserStore;
  passwordHasher: PasswordHasher;
  session: SessionDeps;
};

export type SignupInput = {
  email: string;
  password: string;
  name: string;
  companyName: string;
  paymentMethodId?: string | null;
  plan?: string;
};

export type SignupResult = {
  user: SignupUser;
  workspace: ProvisionedWorkspace;
  billing: BillingSubscription;
  tokens: TokenPair;
};

/**
 * Full registration: the user, a provisioned workspace named after the company (tenant
 * schema, owner membership, seed data, subscription with trial) and a session. Duplicate
 * email: Conflict; weak password: Invalid. When provisioning fails the user is deleted again.
 */
export async function signup(
  deps: SignupDeps,
  input: SignupInput,
  client: ClientInfo = {},
  onProgress?: (progress: ProvisioningProgress) => void | Promise<void>,
): Promise<SignupResult> {
  const email = normalizeEmail(input.email);
  checkPasswordPolicy(input.password);
  const user = await createUser(deps, { email, password: input.password, fullName: input.name.trim() });
  try {
    const { workspace, billing } = await provisionWorkspace(
      deps,
      {
        name: input.companyName,
        owner: { userId: user.id, email },
        ...(input.plan ? { plan: input.plan } : {}),
        paymentMethodId: input.paymentMethodId ?? null,
      },
      onProgress,
    );
    const tokens = await startSession(deps.session, user.id, client);
    return { user, workspace, billing, tokens };
  } catch (error) {
    await deps.signupUsers.delete(user.id).catch((e: unknown) => deps.logger?.error("could not remove user of failed signup", { error: e }));
    throw error;
  }
}

/** Creates the account; Conflict when the email (or Clerk id) is taken. */
export async function createUser(
  deps: Pick<SignupDeps, "signupUsers" | "passwordHasher">,
  input: { email: string; password: string; fullName: string; clerkId?: string | null },
): Promise<SignupUser> {
  if (await deps.signupUsers.findByEmail(input.email)) throw new Conflict("an account with this email already exists");
  const created = await deps.signupUsers.create({
    id: newId(),
    email: input.email,
    passwordHash: await deps.passwordHasher.hash(input.password),
    fullName: input.fullName,
    clerkId: input.clerkId ?? null,
  });
  if (!created) throw new Conflict("an account with this email already exists");
  return created;
}
