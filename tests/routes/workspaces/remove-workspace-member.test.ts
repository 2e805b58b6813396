import { beforeAll, describe, expect, it } from "vitest";
import { newId } from "../../../core/ids.ts";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { expectProblem, inviteByEmail, itAnswers401WithoutCredentials, itForbidsAdminActingOnOwner, itChecksUserActionRoles } from "./workspace-test-helpers.ts";

// DELETE /api/v1/workspaces/{workspace_id}/members/{member_id} (removeWorkspaceMember)
let t: TestApp;
let workspace: TestWorkspace;
const remove = (memberId: string, headers: Record<string, string>, ws = workspace) =>
  t.request(`/api/v1/workspaces/${ws.id}/members/${memberId}`, { method: "DELETE", headers });
const userExists = async (id: string) =>
  (await t.database.db.selectFrom("users").select("id").where("id", "=", id).executeTakeFirst()) !== undefined;
const ctx = () => ({ t, workspace });
beforeAll(async () => {
  t = await sharedTestApp();
  workspace = await t.createWorkspace();
});

describe("removeWorkspaceMember: happy", () => {
  it("a pending invite: deletes the invitation and its token, keeps the user", async () => {
    const invitee = await t.createUser();
    const { invitationId, token } = await inviteByEmail(t, workspace, invitee);
    const res = await remove(invitationId, t.as(workspace.owner));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ removed: "invitation", id: invitationId, user_id: invitee.id, user_deleted: false });
    expect(await t.database.db.selectFrom("workspace_invitations").select("id").where("id", "=", invitationId).executeTakeFirst()).toBeUndefined();
    expect((await t.request(`/api/v1/workspaces/invitations/details?token=${encodeURIComponent(token)}`)).status).toBe(404);
    expect(await userExists(invitee.id)).toBe(true);
  });

  it("a member who belongs elsewhere: removes the membership and keeps the account", async () => {
    const member = await t.addMember(workspace, "member");
    await t.createWorkspace({ owner: member });
    const res = await remove(member.id, t.as(workspace.owner));
    expect(await res.json()).toEqual({ removed: "member", id: member.id, user_id: member.id, user_deleted: false });
    expectProblem(await t.request(`/api/v1/workspaces/${workspace.id}`, { headers: t.as(member) }), 404);
    expect(await userExists(member.id)).toBe(true);
    const listed = await (await t.request(`/api/v1/workspaces/${workspace.id}/members`, { headers: t.as(workspace.owner) })).json();
    expect(listed.items.map((m: { id: string }) => m.id)).not.toContain(member.id);
  });

  it("a member of no other workspace: deletes the account too", async () => {
    const member = await t.addMember(workspace, "viewer");
    const res = await remove(member.id, t.as(workspace.owner));
    expect((await res.json()).user_deleted).toBe(true);
    expect(await userExists(member.id)).toBe(false);
  });
});

describe("removeWorkspaceMember: error", () => {
  it("answers 422 for a malformed id and 404 for an unknown one", async () => {
    expectProblem(await remove("nope", t.as(workspace.owner)), 422);
    expectProblem(await remove(newId(), t.as(workspace.owner)), 404);
  });

  it("answers 409 for the last owner", async () => {
    const ws = await t.createWorkspace();
    expectProblem(await remove(ws.owner.id, t.as(ws.owner), ws), 409);
    const second = await t.addMember(ws, "owner");
    expect((await remove(ws.owner.id, t.as(second), ws)).status).toBe(200);
  });
});

describe("removeWorkspaceMember: security", () => {
  itAnswers401WithoutCredentials(ctx, remove);

  it("answers 404 for a workspace the caller is not in, and for another workspace's member", async () => {
    const other = await t.createWorkspace();
    const member = await t.addMember(workspace, "member");
    expectProblem(await remove(member.id, t.as(other.owner)), 404);
    expectProblem(await remove(member.id, t.as(other.owner), other), 404);
  });

  itForbidsAdminActingOnOwner(ctx, remove, "an admin cannot remove an owner");

  it("an admin cannot remove a pending owner invitation", async () => {
    const admin = await t.addMember(workspace, "admin");
    const invitee = await t.createUser();
    const { invitationId } = await inviteByEmail(t, workspace, invitee, "owner");
    expectProblem(await remove(invitationId, t.as(admin)), 403);
  });

  itChecksUserActionRoles(ctx, remove);
});
