import type { Actor } from "../auth/actor.ts";
import { NotFound } from "../errors.ts";
import { assertMayManageRole } from "./invitations.ts";
import { deleteOrphanedUser, removeMembership } from "./memberships.ts";
import { enterWorkspace } from "./workspace-access.ts";
import type { WorkspaceDeps } from "./workspace-deps.ts";

export type RemovedMember = {
  /** What the id named: a pending invitation or an active member. */
  removed: "invitation" | "member";
  id: string;
  userId: string | null;
  /** True when the user belonged to no other workspace and their account was deleted. */
  userDeleted: boolean;
};

/**
 * Removes someone from a workspace. `memberId` is an id from the member listing:
 * - a pending invitation: the invitation and its token are deleted;
 * - a member (user id): the membership goes (never the last owner: 409), and when the
 *   user belongs to no other workspace their account is deleted too, unless they are
 *   staff or the caller themself (leaving a workspace never deletes your own account).
 * Requires `can_delete_member`; nobody removes someone of a higher role (an admin cannot remove an owner).
 */
export async function removeWorkspaceMember(
  deps: Pick<
    WorkspaceDeps,
    "workspaces" | "workspaceInvitations" | "permissionOverrides" | "members" | "cache" | "tenantSchemas" | "now" | "events"
  >,
  actor: Actor,
  input: { workspaceId: string; memberId: string },
): Promise<RemovedMember> {
  const entry = await enterWorkspace(deps, actor, input.workspaceId, "can_delete_member");
  const invitation = await deps.workspaceInvitations.findById(input.memberId, entry.workspace.id);
  if (invitation && invitation.status === "pending") {
    assertMayManageRole(entry.actor, invitation.role);
    await deps.workspaceInvitations.delete(invitation.id);
    return { removed: "invitation", id: invitation.id, userId: invitation.userId, userDeleted: false };
  }

  const member = await deps.workspaces.findMember(entry.workspace.id, input.memberId);
  if (!member) throw new NotFound("member", input.memberId);
  assertMayManageRole(entry.actor, member.role);
  const ws = { id: entry.workspace.id, schemaName: entry.workspace.schemaName };
  const { orphaned } = await removeMembership(deps, ws, member.userId, async (transaction) => {
    await deps.events.record(
      { workspaceId: ws.id, type: "member.removed", actorId: entry.userId, entity: { type: "member", id: member.userId }, metadata: { role: member.role }, audience: [member.userId] },
      { transaction },
    );
  });

  const user = await deps.workspaces.findUserById(member.userId);
  const deleteUser = orphaned && user !== null && user.id !== entry.userId && !user.isStaff && !user.isSuperuser;
  if (deleteUser) await deleteOrphanedUser(deps, ws, member.userId);
  return { removed: "member", id: member.userId, userId: member.userId, userDeleted: deleteUser };
}
