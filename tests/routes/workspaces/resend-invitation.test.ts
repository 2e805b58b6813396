import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { expectProblem, inviteByEmail, latestMailTo, tokenFromText, itChecksInvitationActionRoles } from "./workspace-test-helpers.ts";

// POST /api/v1/workspaces/{workspace_id}/resend-invite (resendInvitation)
let t: TestApp;
let workspace: TestWorkspace;
const path = () => `/api/v1/workspaces/${workspace.id}/resend-invite`;
const details = (token: string) => t.request(`/api/v1/workspaces/invitations/details?token=${encodeURIComponent(token)}`);
const ctx = () => ({ t, workspace });
beforeAll(async () => {
  t = await sharedTestApp();
  workspace = await t.createWorkspace();
});

describe("resendInvitation: happy", () => {
  it.each(["member_id", "user_id"] as const)("by %s: emails a new link and the old one stops working", async (key) => {
    const invitee = await t.createUser();
    const { invitationId, token } = await inviteByEmail(t, workspace, invitee);
    const res = await t.request(path(), {
      method: "POST",
      headers: t.as(workspace.owner),
      json: { [key]: key === "member_id" ? invitationId : invitee.id },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ email_sent: true, invitation: { id: invitationId, status: "pending" } });
    const fresh = tokenFromText((await latestMailTo(t, invitee.email))!.text);
    expect(fresh).not.toBe(token);
    expect((await details(fresh)).status).toBe(200);
    expect((await details(token)).status).toBe(404);
  });
});

describe("resendInvitation: error", () => {
  it("answers 422 without an identifier or with both", async () => {
    const invitee = await t.createUser();
    expectProblem(await t.request(path(), { method: "POST", headers: t.as(workspace.owner), json: {} }), 422);
    expectProblem(await t.request(path(), { method: "POST", headers: t.as(workspace.owner), json: { member_id: invitee.id, user_id: invitee.id } }), 422);
  });

  it("answers 404 when nobody by that id is pending", async () => {
    const member = await t.addMember(workspace, "member");
    expectProblem(await t.request(path(), { method: "POST", headers: t.as(workspace.owner), json: { user_id: member.id } }), 404);
  });
});

describe("resendInvitation: security", () => {
  it("answers 401 without credentials", async () => {
    expectProblem(await t.request(path(), { method: "POST", json: { user_id: workspace.owner.id } }), 401);
  });

  it("answers 404 for a workspace the caller is not in, and never resends another workspace's invitation", async () => {
    const invitee = await t.createUser();
    const { invitationId } = await inviteByEmail(t, workspace, invitee);
    const other = await t.createWorkspace();
    expectProblem(await t.request(path(), { method: "POST", headers: t.as(other.owner), json: { member_id: invitationId } }), 404);
    const own = `/api/v1/workspaces/${other.id}/resend-invite`;
    expectProblem(await t.request(own, { method: "POST", headers: t.as(other.owner), json: { member_id: invitationId } }), 404);
  });

  itChecksInvitationActionRoles(ctx, (invitationId, headers) => t.request(path(), { method: "POST", headers, json: { member_id: invitationId } }));
});
