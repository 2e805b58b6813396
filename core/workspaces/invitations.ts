import { roleRank, type Actor, type Role } from "../auth/actor.ts";
import { Conflict, Forbidden, Invalid, NotFound } from "../errors.ts";
import { newId } from "../ids.ts";
import type { OneTimeTokenKind } from "../ports/one-time-token-store.ts";
import type { Invitation } from "./invitation-repository.ts";
import type { WorkspaceDeps } from "./workspace-deps.ts";
import type { UserAccount, Workspace } from "./workspace-repository.ts";

/** Personal invitations stay valid for a week. */
export const INVITATION_TTL_SECONDS = 7 * 86_400;

/** The one-time token kind of each invitation kind: a token is only accepted for its own kind. */
export const invitationTokenKind: Record<Invitation["kind"], OneTimeTokenKind> = {
  email: "invitation",
  link: "invite_link",
};

/** The page of the web client that accepts an invitation. */
export function invitationUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, "")}/accept-invitation?token=${encodeURIComponent(token)}`;
}

/** Refuses (403) to hand out or manage a role above the caller's own: an admin cannot act on an owner. */
export function assertMayManageRole(actor: Actor, role: Role): void {
  const own = actor.workspace?.role;
  if (!own || roleRank[role] > roleRank[own]) {
    throw new Forbidden(`a ${own ?? "non-member"} cannot manage the ${role} role`);
  }
}

export type IssuedInvitationToken = { token: string; url: string; expiresAt: Date };

/**
 * Issues a fresh token for the invitation and makes it the only valid one (the previous
 * token is deleted), extending the invitation to the token's expiry.
 */
export async function issueInvitationToken(
  deps: Pick<WorkspaceDeps, "oneTimeTokens" | "workspaceInvitations" | "config" | "now">,
  invitation: Invitation,
  options: { ttlSeconds: number; role?: Role },
): Promise<IssuedInvitationToken> {
  const now = deps.now();
  const { token, record } = await deps.oneTimeTokens.issue(
    {
      kind: invitationTokenKind[invitation.kind],
      userId: invitation.userId,
      workspaceId: invitation.workspaceId,
      email: invitation.email,
      payload: { invitation_id: invitation.id },
      ttlSeconds: options.ttlSeconds,
    },
    now,
  );
  await deps.workspaceInvitations.replaceToken(
    invitation.id,
    { tokenId: record.id, expiresAt: record.expiresAt, ...(options.role ? { role: options.role } : {}) },
    now,
  );
  return { token, url: invitationUrl(deps.config.PUBLIC_URL, token), expiresAt: record.expiresAt };
}

/**
 * The open personal invitation of `user` to the inviter's workspace with `role`, created
 * when there is none (re-inviting refreshes the existing one). 409 when the user is already
 * a member; 403 when `role` (or the pending invitation's) is above the inviter's.
 */
export async function openPersonalInvitation(
  deps: Pick<WorkspaceDeps, "workspaces" | "workspaceInvitations" | "now">,
  inviter: Actor,
  user: UserAccount,
  role: Role,
): Promise<Invitation> {
  const workspaceId = inviter.workspace!.id;
  assertMayManageRole(inviter, role);
  if (await deps.workspaces.findMember(workspaceId, user.id)) {
    throw new Conflict(`${user.email} is already a member of this workspace`);
  }
  const existing = await deps.workspaceInvitations.findPendingForUser(workspaceId, user.id);
  if (existing) {
    // Re-inviting changes the pending invitation: the caller must be allowed to manage its current role too.
    assertMayManageRole(inviter, existing.role);
    return { ...existing, role };
  }
  return await deps.workspaceInvitations.create(
    {
      id: newId(),
      workspaceId,
      kind: "email",
      userId: user.id,
      email: user.email,
      role,
      invitedBy: inviter.userId,
      maxUses: 1,
      expiresAt: new Date(deps.now().getTime() + INVITATION_TTL_SECONDS * 1000),
    },
    deps.now(),
  );
}

/** A registered, active user by email; 422 naming `field` otherwise (invitations are for existing accounts). */
export async function registeredUser(
  deps: Pick<WorkspaceDeps, "workspaces">,
  email: string,
  field = "email",
): Promise<UserAccount> {
  const user = await deps.workspaces.findUserByEmail(email);
  if (!user || !user.isActive) {
    throw new Invalid("no active account uses this email; invitations are for registered users", [
      { field, message: "no registered user with this email" },
    ]);
  }
  return user;
}

/** How an admin names a pending invitee: the invitation (member) id, the user id or the email. */
export type InviteeRef = { memberId?: string; userId?: string; email?: string };

/**
 * The pending personal invitation an {@link InviteeRef} names in the workspace; 404 when
 * there is none. `memberId` is the id shown by the member listing (the invitation id), and
 * the invitee's user id is accepted there too.
 */
export async function findPendingInvitation(
  deps: Pick<WorkspaceDeps, "workspaces" | "workspaceInvitations">,
  workspaceId: string,
  ref: InviteeRef,
): Promise<Invitation> {
  let invitation: Invitation | null = null;
  if (ref.memberId) {
    invitation = await deps.workspaceInvitations.findById(ref.memberId, workspaceId);
    if (invitation && invitation.status !== "pending") invitation = null;
    invitation ??= await deps.workspaceInvitations.findPendingForUser(workspaceId, ref.memberId);
  } else if (ref.userId) {
    invitation = await deps.workspaceInvitations.findPendingForUser(workspaceId, ref.userId);
  } else if (ref.email) {
    const user = await deps.workspaces.findUserByEmail(ref.email);
    invitation = user ? await deps.workspaceInvitations.findPendingForUser(workspaceId, user.id) : null;
  }
  if (!invitation) throw new NotFound("invitation");
  return invitation;
}

/** Sends the invitation email with its link. */
export async function sendInvitationEmail(
  deps: Pick<WorkspaceDeps, "mailer">,
  input: { to: string; workspace: Workspace; inviterName: string; role: Role; url: string; expiresAt: Date },
): Promise<void> {
  const inviter = input.inviterName || "A colleague";
  await deps.mailer.send({
    to: [input.to],
    subject: `${inviter} invited you to ${input.workspace.name}`,
    text: [
      `${inviter} invited you to join the workspace "${input.workspace.name}" as ${input.role}.`,
      "",
      `Accept the invitation: ${input.url}`,
      "",
      `The link works once and expires on ${input.expiresAt.toISOString()}.`,
      "If you did not expect this invitation, ignore this email.",
    ].join("\n"),
  });
}
