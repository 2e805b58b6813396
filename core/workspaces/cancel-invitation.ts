import type { Actor } from "../auth/actor.ts";
import { Conflict, Invalid, NotFound } from "../errors.ts";
import type { Invitation } from "./invitation-repository.ts";
import { assertMayManageRole, findPendingInvitation } from "./invitations.ts";
import { enterWorkspace } from "./workspace-access.ts";
import type { WorkspaceDeps } from "./workspace-deps.ts";

export type CancelInvitationInput = {
  workspaceId: string;
  /** The invitation (personal or shareable link). */
  invitationId?: string;
  /** The pending invitee as the member listing shows them (invitation id or user id). */
  memberId?: string;
  email?: string;
};

/**
 * Cancels a pending invitation or shareable link: its token stops working at once.
 * Accepted or already cancelled invitations answer 409. Requires `can_delete_member`.
 */
export async function cancelInvitation(
  deps: Pick<WorkspaceDeps, "workspaces" | "workspaceInvitations" | "permissionOverrides" | "now">,
  actor: Actor,
  input: CancelInvitationInput,
): Promise<Invitation> {
  const given = [input.invitationId, input.memberId, input.email].filter((v) => v !== undefined).length;
  if (given !== 1) {
    throw new Invalid("name the invitation with exactly one of invitation_id, member_id, email", [
      { field: "invitation_id", message: "exactly one of invitation_id, member_id, email" },
    ]);
  }
  const entry = await enterWorkspace(deps, actor, input.workspaceId, "can_delete_member");
  let invitation: Invitation;
  if (input.invitationId) {
    const found = await deps.workspaceInvitations.findById(input.invitationId, entry.workspace.id);
    if (!found) throw new NotFound("invitation", input.invitationId);
    if (found.status !== "pending") throw new Conflict(`the invitation is already ${found.status}`);
    invitation = found;
  } else {
    invitation = await findPendingInvitation(deps, entry.workspace.id, {
      ...(input.memberId ? { memberId: input.memberId } : {}),
      ...(input.email ? { email: input.email } : {}),
    });
  }
  assertMayManageRole(entry.actor, invitation.role);
  if (!(await deps.workspaceInvitations.cancel(invitation.id, deps.now()))) {
    throw new Conflict("the invitation is no longer pending");
  }
  return { ...invitation, status: "cancelled", tokenId: null };
}
