import { issuePasswordResetToken, sendPasswordResetEmail } from "../accounts/password-reset.ts";
import type { Actor } from "../auth/actor.ts";
import { NotFound } from "../errors.ts";
import { assertMayManageRole } from "./invitations.ts";
import { enterWorkspace } from "./workspace-access.ts";
import type { WorkspaceDeps } from "./workspace-deps.ts";

/** A link an admin copies and shares by hand lives longer than an emailed one (1 hour): 24 hours. */
export const RESET_LINK_TTL_SECONDS = 86_400;

type ResetDeps = Pick<
  WorkspaceDeps,
  "workspaces" | "permissionOverrides" | "accounts" | "oneTimeTokens" | "mailer" | "config" | "now"
>;

export type MemberPasswordResetInput = { workspaceId: string; userId: string };

/**
 * The checks before an admin-triggered reset: `can_edit_member` in the workspace, the
 * target a member of it (else 404), and not above the caller (an admin cannot reset an owner: 403).
 */
async function resetTarget(deps: ResetDeps, actor: Actor, input: MemberPasswordResetInput): Promise<string> {
  const entry = await enterWorkspace(deps, actor, input.workspaceId, "can_edit_member");
  const member = await deps.workspaces.findMember(entry.workspace.id, input.userId);
  if (!member) throw new NotFound("member", input.userId);
  assertMayManageRole(entry.actor, member.role);
  return member.userId;
}

function accountDeps(deps: ResetDeps) {
  return { ...deps, publicUrl: deps.config.PUBLIC_URL };
}

/** Emails a member the normal one-hour password reset link (older links stop working). */
export async function sendMemberPasswordReset(
  deps: ResetDeps,
  actor: Actor,
  input: MemberPasswordResetInput,
): Promise<{ userId: string; email: string; expiresAt: Date }> {
  const userId = await resetTarget(deps, actor, input);
  const sent = await sendPasswordResetEmail(accountDeps(deps), userId);
  return { userId, ...sent };
}

/** A 24-hour password reset link for the admin to share; no email is sent (older links stop working). */
export async function generatePasswordResetLink(
  deps: ResetDeps,
  actor: Actor,
  input: MemberPasswordResetInput,
): Promise<{ userId: string; email: string; url: string; expiresAt: Date }> {
  const userId = await resetTarget(deps, actor, input);
  const issued = await issuePasswordResetToken(accountDeps(deps), userId, RESET_LINK_TTL_SECONDS);
  return { userId, email: issued.email, url: issued.url, expiresAt: issued.expiresAt };
}
