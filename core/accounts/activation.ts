import { Conflict, NotFound } from "../errors.ts";
import type { AccountDeps } from "./account-deps.ts";
import { activationEmail, appLink } from "./account-emails.ts";

export type SendActivationDeps = Pick<AccountDeps, "accounts" | "oneTimeTokens" | "mailer" | "publicUrl" | "now">;
export type SentActivation = { email: string; expiresAt: Date };

/** How long an activation link works. */
export const ACTIVATION_TTL_SECONDS = 7 * 24 * 3600;

/**
 * Issues a fresh activation token for a user without a password (created by invitation or
 * provisioning) in `workspaceId`, revokes their older ones, and mails the link
 * `${PUBLIC_URL}/activate?token=...&workspace_id=...`. For other sections that create such users.
 * 404 when the user is gone or not a member of the workspace; 409 when already activated.
 */
export async function sendActivationEmail(
  deps: SendActivationDeps,
  userId: string,
  workspaceId: string,
): Promise<SentActivation> {
  const account = await deps.accounts.findById(userId);
  if (!account) throw new NotFound("user", userId);
  if (account.hasPassword) throw new Conflict("this account is already activated");
  const membership = await deps.accounts.findMembership(workspaceId, userId);
  if (!membership) throw new NotFound("user", userId);
  const now = deps.now();
  await deps.oneTimeTokens.revokeForUser("activation", userId, now);
  const { token, record } = await deps.oneTimeTokens.issue(
    { kind: "activation", userId, workspaceId, email: account.email, ttlSeconds: ACTIVATION_TTL_SECONDS },
    now,
  );
  const link = appLink(deps.publicUrl, "activate", { token, workspace_id: workspaceId });
  await deps.mailer.send(
    activationEmail({
      to: account.email,
      fullName: account.fullName,
      workspaceName: membership.workspaceName,
      link,
      expiresAt: record.expiresAt,
    }),
  );
  return { email: account.email, expiresAt: record.expiresAt };
}
