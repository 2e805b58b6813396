import { beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../../core/auth/actor.ts";
import { newId } from "../../../core/ids.ts";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { createUserWithPassword, expectProblem, linkIn, mailTo } from "./account-test-helpers.ts";

// POST /api/v1/auth/activation/resend (resendActivationEmail)
let t: TestApp;
let workspace: TestWorkspace;
beforeAll(async () => {
  t = await sharedTestApp();
  workspace = await t.createWorkspace();
});

const resend = (headers: Record<string, string>, json: unknown) =>
  t.request("/api/v1/auth/activation/resend", { method: "POST", headers, json });

describe("resendActivationEmail: happy", () => {
  it("sends a fresh link (by user_id or email) and the older one stops working", async () => {
    const invited = await t.addMember(workspace, "member");
    const first = await resend(t.as(workspace.owner), { user_id: invited.id });
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ user_id: invited.id, email: invited.email, workspace_id: workspace.id });
    const second = await resend(t.as(workspace.owner), { email: invited.email.toUpperCase() });
    expect(second.status).toBe(200);
    const mails = await mailTo(t, invited.email, { count: 2 });
    const [newest, older] = mails.map((m) => linkIn(m.text_body).searchParams.get("token")!);
    const check = (token: string) =>
      t.request(`/api/v1/auth/activation/validate?workspace_id=${workspace.id}&token=${token}`);
    expect((await check(newest!)).status).toBe(200);
    expect((await check(older!)).status).toBe(401);
  });
});

describe("resendActivationEmail: error", () => {
  it("answers 422 without user_id or email, 404 for an unknown user, 409 for an activated account", async () => {
    await expectProblem(await resend(t.as(workspace.owner), {}), 422);
    await expectProblem(await resend(t.as(workspace.owner), { user_id: newId() }), 404);
    await expectProblem(await resend(t.as(workspace.owner), { email: `ghost-${newId()}@example.test` }), 404);
    const active = await createUserWithPassword(t);
    await t.addMember(workspace, "member", active);
    await expectProblem(await resend(t.as(workspace.owner), { user_id: active.id }), 409);
  });
});

describe("resendActivationEmail: security", () => {
  it("answers 401 without credentials", async () => {
    await expectProblem(await resend({}, { user_id: workspace.owner.id }), 401);
  });

  it("answers 403 for a user id outside the caller's workspaces, 404 for a stranger's email", async () => {
    const elsewhere = await t.createWorkspace();
    const invited = await t.addMember(elsewhere, "member");
    await expectProblem(await resend(t.as(workspace.owner), { user_id: invited.id }), 403);
    await expectProblem(await resend(t.as(workspace.owner), { email: invited.email }), 404);
  });

  it.each([
    ["admin", "member", 200],
    ["admin", "owner", 403],
    ["member", "member", 403],
    ["viewer", "viewer", 403],
  ] as const)("a %s resending for a %s gets %i", async (callerRole: Role, targetRole: Role, status) => {
    const ws = await t.createWorkspace();
    const caller = await t.addMember(ws, callerRole);
    const target = await t.addMember(ws, targetRole);
    expect((await resend(t.as(caller), { user_id: target.id })).status).toBe(status);
  });
});
