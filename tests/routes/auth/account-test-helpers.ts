import { sql } from "kysely";
import { expect } from "vitest";
import { jsonb } from "../../../adapters/postgres/jsonb.ts";
import type { Role } from "../../../core/auth/actor.ts";
import type { TestApp, TestUser } from "../../support/test-app.ts";

/** A password that meets the policy. */
export const GOOD_PASSWORD = "correct horse battery staple";

/** A new user who can sign in with `password` (test users are created without one). */
export async function createUserWithPassword(
  t: TestApp,
  password = GOOD_PASSWORD,
): Promise<TestUser & { password: string }> {
  const user = await t.createUser();
  const hash = await t.services.passwordHasher.hash(password);
  await t.database.db.updateTable("users").set({ password_hash: hash }).where("id", "=", user.id).execute();
  return { ...user, password };
}

/** Mail in the outbox addressed to `email`, newest first, waiting up to `timeoutMs` for `count`. */
export async function mailTo(
  t: TestApp,
  email: string,
  options: { count?: number; timeoutMs?: number } = {},
): Promise<Array<{ subject: string; text_body: string; html_body: string | null }>> {
  const { count = 1, timeoutMs = 5000 } = options;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = await t.database.db
      .selectFrom("mail_outbox")
      .select(["subject", "text_body", "html_body"])
      .where(sql<boolean>`to_addresses @> ${jsonb([email])}`)
      .orderBy("created_at", "desc")
      .orderBy("id", "desc")
      .execute();
    if (rows.length >= count || Date.now() > deadline) return rows;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The first link in a mail body and its query parameters. */
export function linkIn(body: string): URL {
  const match = /https?:\/\/[^\s"<>]+/.exec(body);
  expect(match, "a link in the mail").not.toBeNull();
  return new URL(match![0]);
}

/** Expects an RFC 9457 problem with this status (and code, when given); returns its body. */
export async function expectProblem(res: Response, status: number, code?: string): Promise<Record<string, unknown>> {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toMatch(/problem\+json/);
  const body = (await res.json()) as Record<string, unknown>;
  if (code) expect(body.code).toBe(code);
  return body;
}

/** A real 1x1 PNG. */
export const PNG_BYTES = Uint8Array.from(
  Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
    "base64",
  ),
);

/** A multipart body with one `file` field. */
export function avatarForm(bytes: Uint8Array, name = "me.png", type = "image/png"): FormData {
  const form = new FormData();
  form.append("file", new File([new Uint8Array(bytes)], name, { type }));
  return form;
}

/** Invites `user` (no password yet) into `workspace` and returns the token from the emailed link. */
export async function activationTokenFor(t: TestApp, user: TestUser, workspace: { id: string }): Promise<string> {
  const { sendActivationEmail } = await import("../../../core/accounts/activation.ts");
  const { accountDeps } = await import("../../../app/routes/auth/account-deps.ts");
  const before = (await mailTo(t, user.email, { timeoutMs: 0 })).length;
  await sendActivationEmail(accountDeps(t.services), user.id, workspace.id);
  const [mail] = await mailTo(t, user.email, { count: before + 1 });
  const link = linkIn(mail!.text_body);
  expect(link.pathname).toBe("/activate");
  expect(link.searchParams.get("workspace_id")).toBe(workspace.id);
  return link.searchParams.get("token")!;
}

/** A fresh workspace holding a `callerRole` caller (its owner, for "owner") and a `targetRole` target, for the caller-role x target-role tables. */
export async function callerAndTarget(t: TestApp, callerRole: Role, targetRole: Role): Promise<{ caller: TestUser; target: TestUser }> {
  const ws = await t.createWorkspace();
  const caller = callerRole === "owner" ? ws.owner : await t.addMember(ws, callerRole);
  const target = await t.addMember(ws, targetRole);
  return { caller, target };
}
