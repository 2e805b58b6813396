import type { Actor, Role } from "../auth/actor.ts";
import type { Invitation } from "./invitation-repository.ts";
import {
  INVITATION_TTL_SECONDS,
  issueInvitationToken,
  openPersonalInvitation,
  registeredUser,
  sendInvitationEmail,
} from "./invitations.ts";
import { enterWorkspace } from "./workspace-access.ts";
import type { WorkspaceDeps } from "./workspace-deps.ts";

export type InviteWorkspaceUserInput = { workspaceId: string; email: string; role: Role };

/**
 * Invites a registered user by email: a pending invitation with a single-use, week-long
 * token, mailed as a link. Inviting someone already invited refreshes their invitation
 * (new role, new link; the old link stops working). Requires `can_create_member`; nobody
 * can invite into a role above their own.
 */
export async function inviteWorkspaceUser(
  deps: Pick<
    WorkspaceDeps,
    "workspaces" | "workspaceInvitations" | "permissionOverrides" | "oneTimeTokens" | "mailer" | "config" | "now" | "events"
  >,
  actor: Actor,
  input: InviteWorkspaceUserInput,
): Promise<Invitation> {
  const entry = await enterWorkspace(deps, actor, input.workspaceId, "can_create_member");
  const user = await registeredUser(deps, input.email);
  const invitation = await openPersonalInvitation(deps, entry.actor, user, input.role);
  const issued = await issueInvitationToken(deps, invitation, { ttlSeconds: INVITATION_TTL_SECONDS, role: input.role });
  const inviter = await deps.workspaces.findUserById(entry.userId);
  await sendInvitationEmail(deps, {
    to: user.email,
    workspace: entry.workspace,
    inviterName: inviter?.fullName ?? "",
    role: input.role,
    url: issued.url,
    expiresAt: issued.expiresAt,
  });
  await deps.events.record({ workspaceId: entry.workspace.id, type: "invitation.sent", actorId: entry.userId, entity: { type: "invitation", id: invitation.id, name: user.email }, metadata: { role: input.role }, audience: [user.id] });
  return { ...invitation, role: input.role, expiresAt: issued.expiresAt };
}
