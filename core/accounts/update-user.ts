import { hasRoleAtLeast, type Actor, type Role } from "../auth/actor.ts";
import { Forbidden, Invalid, NotFound } from "../errors.ts";
import type { AccountDeps } from "./account-deps.ts";
import type { AccountMembership, ProfilePatch } from "./account-repository.ts";
import { viewAccount, type AccountView } from "./account-view.ts";
import { normalizeEmail } from "./password-policy.ts";
import { requireAccessToUser } from "./user-access.ts";

export type UpdateUserDeps = Pick<AccountDeps, "accounts" | "storage" | "now">;
export type UpdateUserInput = {
  userId: string;
  patch: ProfilePatch;
  /** A new role in `workspaceId` (the request's X-Workspace-Id). */
  role?: Role;
  workspaceId?: string;
};
export type UpdatedUser = { account: AccountView; membership: AccountMembership | null };

/**
 * Updates another user's profile (and optionally their role in one workspace) under the
 * "same or higher role" rule: the caller must be an admin or owner in a shared workspace
 * with a role at least the target's. A role change applies to `workspaceId` only, and the
 * caller can neither grant a role above their own nor change their own role.
 */
export async function updateUser(deps: UpdateUserDeps, actor: Actor, input: UpdateUserInput): Promise<UpdatedUser> {
  if (input.role !== undefined && input.workspaceId === undefined) {
    throw new Invalid("a role change needs the workspace it applies to", [
      { field: "x-workspace-id", message: "required when role is given" },
    ]);
  }
  const access = await requireAccessToUser(deps, actor, input.userId, "write", input.workspaceId);
  if (input.role !== undefined) {
    if (access.target.id === access.callerId) throw new Forbidden("you cannot change your own role");
    if (!access.via || !hasRoleAtLeast(access.via.callerRole, input.role)) {
      throw new Forbidden("you cannot grant a role above your own");
    }
  }
  const patch = input.patch.email !== undefined ? { ...input.patch, email: normalizeEmail(input.patch.email) } : input.patch;
  const account = await deps.accounts.updateProfile(access.target.id, patch, deps.now());
  if (!account) throw new NotFound("user", input.userId);
  let membership: AccountMembership | null = null;
  if (input.workspaceId !== undefined) {
    if (input.role !== undefined) await deps.accounts.setRole(input.workspaceId, access.target.id, input.role);
    membership = await deps.accounts.findMembership(input.workspaceId, access.target.id);
  }
  return { account: await viewAccount(deps, account), membership };
}
