import type { Actor, Role } from "../auth/actor.ts";
import { startSession, type ClientInfo, type TokenPair } from "../auth/sessions.ts";
import { checkPasswordPolicy } from "../accounts/password-policy.ts";
import { Invalid, NotFound, Unauthenticated } from "../errors.ts";
import { resolveInvitationToken } from "./invitation-token.ts";
import { invitationTokenKind } from "./invitations.ts";
import { addMembership } from "./memberships.ts";
import type { WorkspaceDeps } from "./workspace-deps.ts";
import type { MemberWorkspace, UserAccount } from "./workspace-repository.ts";

export type AcceptInvitationInput = {
  token: string;
  /** Required when the invitee has no password yet; ignored otherwise. */
  password?: string;
  client?: ClientInfo;
};

export type AcceptedInvitation = {
  workspace: MemberWorkspace;
  role: Role;
  user: UserAccount;
  /** A new session for the invitee (personal invitations); null for shareable links, whose user is already signed in. */
  tokens: TokenPair | null;
};

type AcceptDeps = Pick<
  WorkspaceDeps,
  "oneTimeTokens" | "workspaceInvitations" | "workspaces" | "members" | "cache" | "tenantSchemas" | "passwordHasher" | "refreshTokens" | "secrets" | "config" | "now" | "events"
>;

/**
 * Joins the workspace an invitation token opens. A personal invitation's token is the
 * credential: it is used up, sets the invitee's password when they have none (required
 * then), and signs them in. A shareable link needs a signed-in `actor` (it says nothing
 * about who holds it) and counts one use; someone already a member keeps their role.
 */
export async function acceptInvitation(
  deps: AcceptDeps,
  actor: Actor | undefined,
  input: AcceptInvitationInput,
): Promise<AcceptedInvitation> {
  const resolved = await resolveInvitationToken(deps, input.token);
  const { invitation, workspace } = resolved;
  const workspaceRef = { id: workspace.id, schemaName: workspace.schemaName };

  if (invitation.kind === "link") {
    if (!actor?.userId) throw new Unauthenticated("sign in to join with an invite link", "sign_in_required");
    const user = await deps.workspaces.findUserById(actor.userId);
    if (!user) throw new NotFound("user");
    const existing = await deps.workspaces.findForMember(invitation.workspaceId, user.id);
    if (existing) return { workspace: existing, role: existing.role, user, tokens: null };
    if (!(await deps.workspaceInvitations.recordLinkUse(invitation.id, deps.now()))) throw new NotFound("invitation");
    await joinWithEvent(deps, workspaceRef, user.id, invitation, "link");
    return await joined(deps, invitation.workspaceId, user, null);
  }

  const user = invitation.userId ? await deps.workspaces.findUserById(invitation.userId) : null;
  if (!user || !user.isActive) throw new NotFound("invitation");
  const settingPassword = !user.hasPassword;
  if (settingPassword) {
    if (!input.password) {
      throw new Invalid("set a password to finish joining", [{ field: "password", message: "required: the account has no password yet" }]);
    }
    checkPasswordPolicy(input.password);
  }
  // Consuming is the atomic step: of two concurrent accepts only one gets past here.
  if (!(await deps.oneTimeTokens.consume(invitationTokenKind.email, input.token, deps.now()))) throw new NotFound("invitation");
  if (settingPassword) await deps.workspaces.setPassword(user.id, await deps.passwordHasher.hash(input.password!), deps.now());
  await joinWithEvent(deps, workspaceRef, user.id, invitation, "email");
  await deps.workspaceInvitations.markAccepted(invitation.id, deps.now());
  const tokens = await startSession(
    {
      refreshTokens: deps.refreshTokens,
      now: deps.now,
      jwtSecret: deps.secrets.jwt,
      accessTokenTtlSeconds: deps.config.ACCESS_TOKEN_TTL_SECONDS,
      refreshTokenTtlDays: deps.config.REFRESH_TOKEN_TTL_DAYS,
    },
    user.id,
    input.client,
  );
  return await joined(deps, invitation.workspaceId, { ...user, hasPassword: true }, tokens);
}

async function joined(
  deps: Pick<WorkspaceDeps, "workspaces">,
  workspaceId: string,
  user: UserAccount,
  tokens: TokenPair | null,
): Promise<AcceptedInvitation> {
  const workspace = await deps.workspaces.findForMember(workspaceId, user.id);
  if (!workspace) throw new NotFound("workspace", workspaceId);
  return { workspace, role: workspace.role, user, tokens };
}

/**
 * Adds the membership with `invitation.accepted` in its transaction; when the user already
 * belonged (a concurrent accept won), the acceptance is still recorded, on its own.
 */
async function joinWithEvent(
  deps: Parameters<typeof addMembership>[0],
  ws: { id: string; schemaName: string },
  userId: string,
  invitation: { id: string; role: Role },
  kind: "link" | "email",
): Promise<void> {
  const event = { workspaceId: ws.id, type: "invitation.accepted", actorId: userId, entity: { type: "invitation", id: invitation.id }, metadata: { kind, role: invitation.role } };
  const added = await addMembership(deps, ws, userId, invitation.role, async (transaction) => {
    await deps.events.record(event, { transaction });
  });
  if (!added) await deps.events.record(event);
}
