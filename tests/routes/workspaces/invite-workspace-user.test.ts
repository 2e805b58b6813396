import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { expectProblem, latestMailTo, tokenFromText } from "./workspace-test-helpers.ts";

// POST /api/v1/workspaces/{workspace_id}/invite (inviteWorkspaceUser)
let t: TestApp;
let workspace: TestWorkspace;
const path = () => `/api/v1/workspaces/${workspace.id}/invite`;
beforeAll(async () => {
  t = await sharedTestApp();
  workspace = await t.createWorkspace();
});

describe("inviteWorkspaceUser: happy", () => {
  it("creates a pending invitation and emails a week-long link", async () => {
    const invitee = await t.createUser();
    const res = await t.request(path(), { method: "POST", headers: t.as(workspace.owner), json: { email: invitee.email.toUpperCase(), role: "admin" } });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toMatchObject({
      email_sent: true,
      invitation: { workspace_id: workspace.id, kind: "email", user_id: invitee.id, email: invitee.email, role: "admin", status: "pending", invited_by: workspace.owner.id },
    });
    const days = (Date.parse(body.invitation.expires_at) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThan(7.1);
    const mail = await latestMailTo(t, invitee.email);
    expect(mail!.text).toContain("http://localhost/accept-invitation?token=");
    // The token is stored hashed only.
    const token = tokenFromText(mail!.text);
    const stored = await t.database.db.selectFrom("one_time_tokens").select("token_hash").where("kind", "=", "invitation").execute();
    expect(stored.some((r) => r.token_hash === token)).toBe(false);
  });

  it("re-inviting refreshes the invitation: new role, new link, the old link stops working", async () => {
    const invitee = await t.createUser();
    await t.request(path(), { method: "POST", headers: t.as(workspace.owner), json: { email: invitee.email } });
    const oldToken = tokenFromText((await latestMailTo(t, invitee.email))!.text);
    const again = await t.request(path(), { method: "POST", headers: t.as(workspace.owner), json: { email: invitee.email, role: "viewer" } });
    expect(again.status).toBe(201);
    expect((await again.json()).invitation.role).toBe("viewer");
    const old = await t.request(`/api/v1/workspaces/invitations/details?token=${encodeURIComponent(oldToken)}`);
    expect(old.status).toBe(404);
  });
});

describe("inviteWorkspaceUser: error", () => {
  it("answers 422 for an unregistered email or a bad role", async () => {
    expectProblem(await t.request(path(), { method: "POST", headers: t.as(workspace.owner), json: { email: "nobody-here@example.test" } }), 422);
    const invitee = await t.createUser();
    expectProblem(await t.request(path(), { method: "POST", headers: t.as(workspace.owner), json: { email: invitee.email, role: "king" } }), 422);
  });

  it("answers 409 for someone already a member", async () => {
    const member = await t.addMember(workspace, "member");
    expectProblem(await t.request(path(), { method: "POST", headers: t.as(workspace.owner), json: { email: member.email } }), 409);
  });
});

describe("inviteWorkspaceUser: security", () => {
  it("answers 401 without credentials", async () => {
    expectProblem(await t.request(path(), { method: "POST", json: { email: "x@example.test" } }), 401);
  });

  it("answers 404 for a workspace the caller is not in", async () => {
    const other = await t.createWorkspace();
    const invitee = await t.createUser();
    expectProblem(await t.request(path(), { method: "POST", headers: t.as(other.owner), json: { email: invitee.email } }), 404);
  });

  it("an admin cannot invite an owner", async () => {
    const admin = await t.addMember(workspace, "admin");
    const invitee = await t.createUser();
    expectProblem(await t.request(path(), { method: "POST", headers: t.as(admin), json: { email: invitee.email, role: "owner" } }), 403);
  });

  it.each([
    ["admin", 201],
    ["member", 403],
    ["viewer", 403],
  ] as const)("role %s gets %i", async (role, status) => {
    const user = await t.addMember(workspace, role);
    const invitee = await t.createUser();
    const res = await t.request(path(), { method: "POST", headers: t.as(user), json: { email: invitee.email } });
    expect(res.status).toBe(status);
  });
});
