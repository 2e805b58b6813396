import { sendActivationEmail } from "../accounts/activation.ts";
import { normalizeEmail } from "../accounts/password-policy.ts";
import type { Actor } from "../auth/actor.ts";
import { Conflict, Forbidden, NotFound } from "../errors.ts";
import { newId } from "../ids.ts";
import { ensureMember } from "../members/ensure-member.ts";
import type { SignupUserStore } from "../signup/signup-user-store.ts";
import { provisionWorkspace, type ProvisionWorkspaceDeps } from "./provision-workspace.ts";
import type { WorkspaceDeps } from "./workspace-deps.ts";
import type { UserAccount, Workspace } from "./workspace-repository.ts";

export type ProvisionForOwnerInput = {
  name: string;
  ownerEmail: string;
  /** Name of the owner's account when it has to be created. */
  ownerName?: string;
  plan?: string;
};

export type ProvisionedForOwner = {
  workspace: Workspace;
  owner: UserAccount;
  /** True when the owner's account was created here (without a password). */
  ownerCreated: boolean;
  /** True when an activation email went out (the owner has no password yet). */
  activationSent: boolean;
};

export type ProvisionForOwnerDeps = ProvisionWorkspaceDeps & {
  /** Removes an account created here when provisioning fails (the signup section's compensation). */
  signupUsers: Pick<SignupUserStore, "delete">;
} &
  Pick<WorkspaceDeps, "workspaces" | "accounts" | "members" | "cache" | "oneTimeTokens" | "mailer" | "config" | "now">;

/**
 * Staff tool: provisions a workspace for someone else. The owner is the user with that
 * email, or a new account without a password; an owner without a password gets an
 * activation email to set one. When provisioning fails, an account created here is
 * removed again. Requires `is_staff` or `is_superuser` (403).
 */
export async function provisionWorkspaceForOwner(
  deps: ProvisionForOwnerDeps,
  actor: Actor,
  input: ProvisionForOwnerInput,
): Promise<ProvisionedForOwner> {
  if (actor.kind !== "user" || !(actor.isStaff || actor.isSuperuser)) {
    throw new Forbidden("only staff can provision workspaces for other users");
  }
  const email = normalizeEmail(input.ownerEmail);
  let owner = await deps.workspaces.findUserByEmail(email);
  let ownerCreated = false;
  if (!owner) {
    const account = await deps.accounts.create(
      { id: newId(), email, fullName: input.ownerName?.trim() ?? "", passwordHash: null },
      deps.now(),
    );
    if (!account) throw new Conflict("an account with this email was just created; try again");
    owner = await deps.workspaces.findUserById(account.id);
    if (!owner) throw new NotFound("user", account.id);
    ownerCreated = true;
  }

  let provisioned: Awaited<ReturnType<typeof provisionWorkspace>>;
  try {
    provisioned = await provisionWorkspace(deps, {
      name: input.name,
      owner: { userId: owner.id, email: owner.email },
      ...(input.plan ? { plan: input.plan } : {}),
    });
  } catch (error) {
    if (ownerCreated) {
      const created = owner;
      await deps.signupUsers
        .delete(created.id)
        .catch((e: unknown) => deps.logger?.error("could not remove the owner of a failed provisioning", { userId: created.id, error: e }));
    }
    throw error;
  }
  const ws = { id: provisioned.workspace.id, schemaName: provisioned.workspace.schemaName };
  await ensureMember(deps, ws, owner.id);

  let activationSent = false;
  if (!owner.hasPassword) {
    await sendActivationEmail({ ...deps, publicUrl: deps.config.PUBLIC_URL }, owner.id, ws.id);
    activationSent = true;
  }
  const workspace = await deps.workspaces.findById(ws.id);
  if (!workspace) throw new NotFound("workspace", ws.id);
  return { workspace, owner, ownerCreated, activationSent };
}
