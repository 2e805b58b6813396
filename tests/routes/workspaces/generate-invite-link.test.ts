import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { expectProblem, inviteByEmail, latestMailTo } from "./workspace-test-helpers.ts";

// POST /api/v1/workspaces/{workspace_id}/invite-link (generateInviteLink)
let t: TestApp;
let workspace: TestWorkspace;
const path = () => `/api/v1/workspaces/${workspace.id}/invite-link`;
const details = (url: string) =>
  t.request(`/api/v1/workspaces/invitations/details?token=${encodeURIComponent(new URL(url).searchParams.get("token")!)}`);
beforeAll(async () => {
  t = await sharedTestApp();
  workspace = await t.createWorkspace();
});

describe("generateInviteLink: happy", () => {
  it("returns a personal link for a registered user without sending email", async () => {
    const invitee = await t.createUser();
    const res = await t.request(path(), { method: "POST", headers: t.as(workspace.owner), json: { email: invitee.email, role: "admin" } });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.invite_url).toMatch(/^http:\/\/localhost\/accept-invitation\?token=/);
    expect(body.invitation).toMatchObject({ kind: "email", user_id: invitee.id, role: "admin", status: "pending" });
    expect(await latestMailTo(t, invitee.email)).toBeUndefined();
    expect(await (await details(body.invite_url)).json()).toMatchObject({ kind: "email", role: "admin" });
  });

  it("a new link for a pending invitee invalidates the previous one", async () => {
    const invitee = await t.createUser();
    const { invitationId, token } = await inviteByEmail(t, workspace, invitee);
    const res = await t.request(path(), { method: "POST", headers: t.as(workspace.owner), json: { member_id: invitationId } });
    const body = await res.json();
    expect(body.invitation.id).toBe(invitationId);
    expect((await t.request(`/api/v1/workspaces/invitations/details?token=${encodeURIComponent(token)}`)).status).toBe(404);
    expect((await details(body.invite_url)).status).toBe(200);
  });

  it("without an invitee returns a shareable link with seats and a lifetime", async () => {
    const res = await t.request(path(), { method: "POST", headers: t.as(workspace.owner), json: { role: "viewer", max_uses: 5, expires_in_days: 2 } });
    const body = await res.json();
    expect(body.invitation).toMatchObject({ kind: "link", user_id: null, role: "viewer", max_uses: 5, use_count: 0 });
    const days = (Date.parse(body.expires_at) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(1.9);
    expect(days).toBeLessThan(2.1);
    expect(await (await details(body.invite_url)).json()).toMatchObject({ kind: "link", requires_sign_in: true, needs_password: false });
  });
});

describe("generateInviteLink: error", () => {
  it("answers 422 for seats on a personal link, two invitees or an unregistered email", async () => {
    const invitee = await t.createUser();
    for (const json of [{ email: invitee.email, max_uses: 2 }, { email: invitee.email, user_id: invitee.id }, { email: "ghost@example.test" }, { max_uses: 0 }]) {
      expectProblem(await t.request(path(), { method: "POST", headers: t.as(workspace.owner), json }), 422);
    }
  });

  it("answers 404 for a member_id with no pending invitation", async () => {
    const member = await t.addMember(workspace, "member");
    expectProblem(await t.request(path(), { method: "POST", headers: t.as(workspace.owner), json: { member_id: member.id } }), 404);
  });
});

describe("generateInviteLink: security", () => {
  it("answers 401 without credentials", async () => {
    expectProblem(await t.request(path(), { method: "POST", json: {} }), 401);
  });

  it("answers 404 for a workspace the caller is not in", async () => {
    const other = await t.createWorkspace();
    expectProblem(await t.request(path(), { method: "POST", headers: t.as(other.owner), json: {} }), 404);
  });

  it("an admin cannot hand out an owner link", async () => {
    const admin = await t.addMember(workspace, "admin");
    expectProblem(await t.request(path(), { method: "POST", headers: t.as(admin), json: { role: "owner" } }), 403);
  });

  it.each([
    ["admin", 200],
    ["member", 403],
    ["viewer", 403],
  ] as const)("role %s gets %i", async (role, status) => {
    const user = await t.addMember(workspace, role);
    expect((await t.request(path(), { method: "POST", headers: t.as(user), json: {} })).status).toBe(status);
  });
});
