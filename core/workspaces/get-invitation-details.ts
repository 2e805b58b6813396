import type { Role } from "../auth/actor.ts";
import { NotFound } from "../errors.ts";
import type { InvitationKind } from "./invitation-repository.ts";
import { resolveInvitationToken } from "./invitation-token.ts";
import type { WorkspaceDeps } from "./workspace-deps.ts";

/** What the accept page shows before the invitee commits. */
export type InvitationDetails = {
  invitationId: string;
  kind: InvitationKind;
  workspace: { id: string; name: string };
  role: Role;
  /** The invitee's email (personal invitations only). */
  email: string | null;
  invitedBy: { id: string; fullName: string } | null;
  expiresAt: Date;
  /** True when accepting must set a password (the invitee has none yet). */
  needsPassword: boolean;
  /** True for shareable links: the person accepting must be signed in. */
  requiresSignIn: boolean;
};

/** Reads an invitation by its token without accepting it (the token is the credential). */
export async function getInvitationDetails(
  deps: Pick<WorkspaceDeps, "oneTimeTokens" | "workspaceInvitations" | "workspaces" | "now">,
  token: string,
): Promise<InvitationDetails> {
  const { invitation, workspace } = await resolveInvitationToken(deps, token);
  const [invitee, inviter] = await Promise.all([
    invitation.userId ? deps.workspaces.findUserById(invitation.userId) : Promise.resolve(null),
    invitation.invitedBy ? deps.workspaces.findUserById(invitation.invitedBy) : Promise.resolve(null),
  ]);
  if (invitation.kind === "email" && !invitee) throw new NotFound("invitation");
  return {
    invitationId: invitation.id,
    kind: invitation.kind,
    workspace: { id: workspace.id, name: workspace.name },
    role: invitation.role,
    email: invitee?.email ?? null,
    invitedBy: inviter ? { id: inviter.id, fullName: inviter.fullName } : null,
    expiresAt: invitation.expiresAt,
    needsPassword: invitation.kind === "email" && invitee !== null && !invitee.hasPassword,
    requiresSignIn: invitation.kind === "link",
  };
}
