import { expect, it } from "vitest";
import { sql } from "kysely";
import { jsonb } from "../../../adapters/postgres/jsonb.ts";
import type { Role } from "../../../core/auth/actor.ts";
import type { TestApp, TestUser, TestWorkspace } from "../../support/test-app.ts";

// Shared steps of the Workspaces route tests.

/** The newest email sent to `to` (the embedded mailer keeps them in `mail_outbox`). */
export async function latestMailTo(t: TestApp, to: string): Promise<{ subject: string; text: string } | undefined> {
  // Filtered in SQL: other test processes send mail to the same outbox meanwhile.
  const rows = await t.database.db
    .selectFrom("mail_outbox")
    .select(["subject", "text_body"])
    .where(sql<boolean>`to_addresses @> ${jsonb([to])}`)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(1)
    .execute();
  const row = rows[0];
  return row ? { subject: row.subject, text: row.text_body } : undefined;
}

/** The `token` query parameter of the first link in `text`. */
export function tokenFromText(text: string): string {
  const match = /[?&]token=([^&\s]+)/.exec(text);
  if (!match) throw new Error(`no token link in: ${text}`);
  return decodeURIComponent(match[1]!);
}

/** Invites `user` through the API as the workspace owner and returns the invitation and its emailed token. */
export async function inviteByEmail(
  t: TestApp,
  workspace: TestWorkspace,
  user: TestUser,
  role: Role = "member",
): Promise<{ invitationId: string; token: string }> {
  const res = await t.request(`/api/v1/workspaces/${workspace.id}/invite`, {
    method: "POST",
    headers: t.as(workspace.owner),
    json: { email: user.email, role },
  });
  expect(res.status).toBe(201);
  const body = (await res.json()) as { invitation: { id: string } };
  const mail = await latestMailTo(t, user.email);
  return { invitationId: body.invitation.id, token: tokenFromText(mail!.text) };
}

/** A registered user without a password (as invitation or provisioning creates them). */
export async function passwordlessUser(t: TestApp): Promise<TestUser> {
  const user = await t.createUser();
  await t.database.db.updateTable("users").set({ password_hash: null }).where("id", "=", user.id).execute();
  return user;
}

/** `application/problem+json` with a 4xx status. */
export function expectProblem(res: Response, status: number): void {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toMatch(/problem\+json/);
}

/** The `it.each` rows of the role checks: admin gets 200, member and viewer 403. */
const onlyAdminRoles = [
  ["admin", 200],
  ["member", 403],
  ["viewer", 403],
] as const;

/** A route that acts on one workspace user: `(userId, headers)` → response. */
export type UserAction = (userId: string, headers: Record<string, string>) => Promise<Response>;
type WorkspaceContext = () => { t: TestApp; workspace: TestWorkspace };

/** `it`: acting on the owner without credentials is a 401 problem. */
export function itAnswers401WithoutCredentials(ctx: WorkspaceContext, action: UserAction): void {
  it("answers 401 without credentials", async () => {
    const { workspace } = ctx();
    expectProblem(await action(workspace.owner.id, {}), 401);
  });
}

/** `it`: another workspace's owner acting on a member here gets a 404 problem. */
export function itAnswers404ForWorkspaceCallerIsNotIn(ctx: WorkspaceContext, action: UserAction): void {
  it("answers 404 for a workspace the caller is not in", async () => {
    const { t, workspace } = ctx();
    const other = await t.createWorkspace();
    const member = await t.addMember(workspace, "member");
    expectProblem(await action(member.id, t.as(other.owner)), 404);
  });
}

/** `it` named `name`: an admin acting on the owner gets a 403 problem. */
export function itForbidsAdminActingOnOwner(ctx: WorkspaceContext, action: UserAction, name: string): void {
  it(name, async () => {
    const { t, workspace } = ctx();
    const admin = await t.addMember(workspace, "admin");
    expectProblem(await action(workspace.owner.id, t.as(admin)), 403);
  });
}

/** `it.each`: acting on a viewer, admin gets 200, member and viewer 403. */
export function itChecksUserActionRoles(ctx: WorkspaceContext, action: UserAction): void {
  it.each(onlyAdminRoles)("role %s gets %i", async (role, status) => {
    const { t, workspace } = ctx();
    const user = await t.addMember(workspace, role);
    const target = await t.addMember(workspace, "viewer");
    expect((await action(target.id, t.as(user))).status).toBe(status);
  });
}

/** `it.each`: on a fresh invitation of the workspace, admin gets 200, member and viewer 403. */
export function itChecksInvitationActionRoles(ctx: WorkspaceContext, action: (invitationId: string, headers: Record<string, string>) => Promise<Response>): void {
  it.each(onlyAdminRoles)("role %s gets %i", async (role, status) => {
    const { t, workspace } = ctx();
    const user = await t.addMember(workspace, role);
    const invitee = await t.createUser();
    const { invitationId } = await inviteByEmail(t, workspace, invitee);
    expect((await action(invitationId, t.as(user))).status).toBe(status);
  });
}
