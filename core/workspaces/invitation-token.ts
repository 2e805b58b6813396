import { NotFound } from "../errors.ts";
import type { OneTimeTokenRecord } from "../ports/one-time-token-store.ts";
import type { Invitation } from "./invitation-repository.ts";
import { invitationTokenKind } from "./invitations.ts";
import type { WorkspaceDeps } from "./workspace-deps.ts";
import type { Workspace } from "./workspace-repository.ts";

/** A live invitation token: the invitation it opens and the workspace it leads to. */
export type ResolvedInvitation = { invitation: Invitation; workspace: Workspace; token: OneTimeTokenRecord };

/**
 * Looks an invitation token up without using it. Unknown, expired, used, superseded
 * (a newer link was issued) and cancelled tokens all answer the same 404, so a token
 * reveals nothing unless it works.
 */
export async function resolveInvitationToken(
  deps: Pick<WorkspaceDeps, "oneTimeTokens" | "workspaceInvitations" | "workspaces" | "now">,
  secret: string,
): Promise<ResolvedInvitation> {
  const now = deps.now();
  const token =
    (await deps.oneTimeTokens.peek(invitationTokenKind.email, secret, now)) ??
    (await deps.oneTimeTokens.peek(invitationTokenKind.link, secret, now));
  const invitationId = token?.payload["invitation_id"];
  const invitation = typeof invitationId === "string" ? await deps.workspaceInvitations.findById(invitationId) : null;
  const live =
    token !== null &&
    invitation !== null &&
    invitation.status === "pending" &&
    invitation.tokenId === token.id &&
    invitationTokenKind[invitation.kind] === token.kind &&
    invitation.expiresAt.getTime() > now.getTime();
  const workspace = live ? await deps.workspaces.findById(invitation.workspaceId) : null;
  if (!live || !workspace || workspace.status !== "active") throw new NotFound("invitation");
  return { invitation, workspace, token };
}
