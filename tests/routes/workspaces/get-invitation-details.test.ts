import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { expectProblem, inviteByEmail, passwordlessUser } from "./workspace-test-helpers.ts";

// GET /api/v1/workspaces/invitations/details (getInvitationDetails)
let t: TestApp;
let workspace: TestWorkspace;
const details = (token: string) => t.request(`/api/v1/workspaces/invitations/details?token=${encodeURIComponent(token)}`);
beforeAll(async () => {
  t = await sharedTestApp();
  workspace = await t.createWorkspace();
});

describe("getInvitationDetails: happy", () => {
  it("shows the workspace, role and whether a password must be set, without accepting", async () => {
    const invitee = await passwordlessUser(t);
    const { invitationId, token } = await inviteByEmail(t, workspace, invitee, "admin");
    const res = await details(token);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      invitation_id: invitationId,
      kind: "email",
      workspace: { id: workspace.id },
      workspace_id: workspace.id,
      role: "admin",
      email: invitee.email,
      invited_by: { id: workspace.owner.id },
      needs_password: true,
      requires_sign_in: false,
    });
    // Still usable: reading did not accept it.
    expect((await details(token)).status).toBe(200);
    const member = await t.database.db.selectFrom("workspace_members").select("user_id").where("workspace_id", "=", workspace.id).where("user_id", "=", invitee.id).executeTakeFirst();
    expect(member).toBeUndefined();
  });

  it("says no password is needed for a user who has one", async () => {
    const invitee = await t.createUser();
    await t.database.db.updateTable("users").set({ password_hash: "x" }).where("id", "=", invitee.id).execute();
    const { token } = await inviteByEmail(t, workspace, invitee);
    expect((await (await details(token)).json()).needs_password).toBe(false);
  });
});

describe("getInvitationDetails: error", () => {
  it("answers 422 without a token and 404 for an unknown one", async () => {
    expectProblem(await t.request("/api/v1/workspaces/invitations/details"), 422);
    expectProblem(await details("x".repeat(43)), 404);
  });

  it("answers 404 for an expired token", async () => {
    const invitee = await t.createUser();
    const { invitationId, token } = await inviteByEmail(t, workspace, invitee);
    const past = new Date(Date.now() - 1000);
    await t.database.db.updateTable("workspace_invitations").set({ expires_at: past }).where("id", "=", invitationId).execute();
    expectProblem(await details(token), 404);
  });
});

describe("getInvitationDetails: security", () => {
  it("needs no credentials, but a cancelled invitation's token stops working", async () => {
    const invitee = await t.createUser();
    const { invitationId, token } = await inviteByEmail(t, workspace, invitee);
    expect((await details(token)).status).toBe(200);
    await t.request("/api/v1/workspaces/invitations/cancel", {
      method: "POST",
      headers: t.as(workspace.owner),
      json: { workspace_id: workspace.id, invitation_id: invitationId },
    });
    expectProblem(await details(token), 404);
  });

  it("does not take other one-time tokens (a password reset token) as an invitation", async () => {
    const user = await t.addMember(workspace, "member");
    const link = await t.request(`/api/v1/workspaces/${workspace.id}/users/${user.id}/password-reset-link`, { method: "POST", headers: t.as(workspace.owner) });
    const url = new URL((await link.json()).reset_url);
    expectProblem(await details(url.searchParams.get("token")!), 404);
  });
});
