import type { Actor } from "../auth/actor.ts";
import { Invalid } from "../errors.ts";
import type { Invitation } from "./invitation-repository.ts";
import {
  assertMayManageRole,
  findPendingInvitation,
  INVITATION_TTL_SECONDS,
  issueInvitationToken,
  sendInvitationEmail,
} from "./invitations.ts";
import { enterWorkspace } from "./workspace-access.ts";
import type { WorkspaceDeps } from "./workspace-deps.ts";

/** The pending invitee, by member id (the listing's id) or user id: exactly one. */
export type ResendInvitationInput = { workspaceId: string; memberId?: string; userId?: string };

/**
 * Sends a pending invitation again with a new link (valid another week); the previous
 * link stops working. Requires `can_create_member`.
 */
export async function resendInvitation(
  deps: Pick<
    WorkspaceDeps,
    "workspaces" | "workspaceInvitations" | "permissionOverrides" | "oneTimeTokens" | "mailer" | "config" | "now"
  >,
  actor: Actor,
  input: ResendInvitationInput,
): Promise<Invitation> {
  if ((input.memberId === undefined) === (input.userId === undefined)) {
    throw new Invalid("give either member_id or user_id", [{ field: "member_id", message: "exactly one of member_id, user_id" }]);
  }
  const entry = await enterWorkspace(deps, actor, input.workspaceId, "can_create_member");
  const invitation = await findPendingInvitation(deps, entry.workspace.id, {
    ...(input.memberId ? { memberId: input.memberId } : {}),
    ...(input.userId ? { userId: input.userId } : {}),
  });
  assertMayManageRole(entry.actor, invitation.role);
  const issued = await issueInvitationToken(deps, invitation, { ttlSeconds: INVITATION_TTL_SECONDS });
  const inviter = await deps.workspaces.findUserById(entry.userId);
  await sendInvitationEmail(deps, {
    to: invitation.email!,
    workspace: entry.workspace,
    inviterName: inviter?.fullName ?? "",
    role: invitation.role,
    url: issued.url,
    expiresAt: issued.expiresAt,
  });
  return { ...invitation, expiresAt: issued.expiresAt };
}
