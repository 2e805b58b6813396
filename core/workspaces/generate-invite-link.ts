import type { Actor, Role } from "../auth/actor.ts";
import { Invalid } from "../errors.ts";
import { newId } from "../ids.ts";
import type { Invitation } from "./invitation-repository.ts";
import {
  assertMayManageRole,
  findPendingInvitation,
  INVITATION_TTL_SECONDS,
  issueInvitationToken,
  openPersonalInvitation,
  registeredUser,
} from "./invitations.ts";
import { enterWorkspace } from "./workspace-access.ts";
import type { WorkspaceDeps } from "./workspace-deps.ts";

export type GenerateInviteLinkInput = {
  workspaceId: string;
  /** A registered user to invite personally (or whose pending invitation gets a new link). */
  email?: string;
  /** A pending invitee, as listed by the member listing (invitation id or user id). */
  memberId?: string;
  userId?: string;
  /** Defaults to the pending invitation's role, else `member`. */
  role?: Role;
  /** Shareable links only: how many people may join with it (unlimited when absent). */
  maxUses?: number;
  /** Shareable links only: lifetime in days (default 7). */
  expiresInDays?: number;
};

export type InviteLink = { invitation: Invitation; url: string; expiresAt: Date };

/**
 * An invite link to copy and share, without sending email. Naming an invitee gives a
 * personal, single-use link and invalidates that invitee's previous link. Naming nobody
 * gives a shareable link anyone signed in can use until it expires, reaches `maxUses`
 * or is cancelled. Requires `can_create_member`; never a role above the caller's.
 */
export async function generateInviteLink(
  deps: Pick<
    WorkspaceDeps,
    "workspaces" | "workspaceInvitations" | "permissionOverrides" | "oneTimeTokens" | "config" | "now"
  >,
  actor: Actor,
  input: GenerateInviteLinkInput,
): Promise<InviteLink> {
  const entry = await enterWorkspace(deps, actor, input.workspaceId, "can_create_member");
  const personal = input.email !== undefined || input.memberId !== undefined || input.userId !== undefined;
  if (personal && (input.maxUses !== undefined || input.expiresInDays !== undefined)) {
    throw new Invalid("max_uses and expires_in_days apply to shareable links only", [
      { field: input.maxUses !== undefined ? "max_uses" : "expires_in_days", message: "only without an invitee" },
    ]);
  }

  let invitation: Invitation;
  let ttlSeconds = INVITATION_TTL_SECONDS;
  if (input.email !== undefined) {
    const user = await registeredUser(deps, input.email);
    invitation = await openPersonalInvitation(deps, entry.actor, user, input.role ?? "member");
  } else if (personal) {
    invitation = await findPendingInvitation(deps, entry.workspace.id, {
      ...(input.memberId ? { memberId: input.memberId } : {}),
      ...(input.userId ? { userId: input.userId } : {}),
    });
    assertMayManageRole(entry.actor, invitation.role);
    if (input.role) {
      assertMayManageRole(entry.actor, input.role);
      invitation = { ...invitation, role: input.role };
    }
  } else {
    const role = input.role ?? "member";
    assertMayManageRole(entry.actor, role);
    ttlSeconds = (input.expiresInDays ?? 7) * 86_400;
    invitation = await deps.workspaceInvitations.create(
      {
        id: newId(),
        workspaceId: entry.workspace.id,
        kind: "link",
        userId: null,
        email: null,
        role,
        invitedBy: entry.userId,
        maxUses: input.maxUses ?? null,
        expiresAt: new Date(deps.now().getTime() + ttlSeconds * 1000),
      },
      deps.now(),
    );
  }
  const issued = await issueInvitationToken(deps, invitation, { ttlSeconds, role: invitation.role });
  return { invitation: { ...invitation, expiresAt: issued.expiresAt }, url: issued.url, expiresAt: issued.expiresAt };
}
