import { expect } from "vitest";
import type { Role } from "../../../core/auth/actor.ts";
import type { TestApp, TestUser, TestWorkspace } from "../../support/test-app.ts";

// Shared steps of the Workspaces route tests.

/** The newest email sent to `to` (the embedded mailer keeps them in `mail_outbox`). */
export async function latestMailTo(t: TestApp, to: string): Promise<{ subject: string; text: string } | undefined> {
  const rows = await t.database.db
    .selectFrom("mail_outbox")
    .select(["subject", "text_body", "to_addresses", "created_at"])
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(50)
    .execute();
  const row = rows.find((r) => (r.to_addresses as string[]).includes(to));
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
