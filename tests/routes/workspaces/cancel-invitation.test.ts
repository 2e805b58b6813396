import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { expectProblem, inviteByEmail, itChecksInvitationActionRoles } from "./workspace-test-helpers.ts";

// POST /api/v1/workspaces/invitations/cancel (cancelInvitation)
let t: TestApp;
let workspace: TestWorkspace;
const cancel = (headers: Record<string, string>, json: Record<string, unknown>) =>
  t.request("/api/v1/workspaces/invitations/cancel", { method: "POST", headers, json });
const details = (token: string) => t.request(`/api/v1/workspaces/invitations/details?token=${encodeURIComponent(token)}`);
const ctx = () => ({ t, workspace });
beforeAll(async () => {
  t = await sharedTestApp();
  workspace = await t.createWorkspace();
});

describe("cancelInvitation: happy", () => {
  it.each(["invitation_id", "member_id", "email"] as const)("by %s: cancels it and its link stops working", async (key) => {
    const invitee = await t.createUser();
    const { invitationId, token } = await inviteByEmail(t, workspace, invitee);
    const value = key === "email" ? invitee.email : invitationId;
    const res = await cancel(t.as(workspace.owner), { workspace_id: workspace.id, [key]: value });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: invitationId, status: "cancelled" });
    expect((await details(token)).status).toBe(404);
    const listed = await (await t.request(`/api/v1/workspaces/${workspace.id}/members?status=pending`, { headers: t.as(workspace.owner) })).json();
    expect(listed.items.map((m: { id: string }) => m.id)).not.toContain(invitationId);
  });
});

describe("cancelInvitation: error", () => {
  it("answers 422 without exactly one identifier", async () => {
    expectProblem(await cancel(t.as(workspace.owner), { workspace_id: workspace.id }), 422);
    expectProblem(await cancel(t.as(workspace.owner), { invitation_id: workspace.id }), 422);
  });

  it("answers 409 for an invitation that is no longer pending", async () => {
    const invitee = await t.createUser();
    const { invitationId } = await inviteByEmail(t, workspace, invitee);
    expect((await cancel(t.as(workspace.owner), { workspace_id: workspace.id, invitation_id: invitationId })).status).toBe(200);
    expectProblem(await cancel(t.as(workspace.owner), { workspace_id: workspace.id, invitation_id: invitationId }), 409);
  });
});

describe("cancelInvitation: security", () => {
  it("answers 401 without credentials", async () => {
    expectProblem(await cancel({}, { workspace_id: workspace.id, email: "x@example.test" }), 401);
  });

  it("answers 404 for a workspace the caller is not in, and for another workspace's invitation", async () => {
    const invitee = await t.createUser();
    const { invitationId } = await inviteByEmail(t, workspace, invitee);
    const other = await t.createWorkspace();
    expectProblem(await cancel(t.as(other.owner), { workspace_id: workspace.id, invitation_id: invitationId }), 404);
    expectProblem(await cancel(t.as(other.owner), { workspace_id: other.id, invitation_id: invitationId }), 404);
  });

  itChecksInvitationActionRoles(ctx, (invitationId, headers) => cancel(headers, { workspace_id: workspace.id, invitation_id: invitationId }));
});
