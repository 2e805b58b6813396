import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { itAnswers401WithoutCredentials, itForbidsAdminActingOnOwner, itChecksMemberActionRoles } from "./member-test-helpers.ts";

// DELETE /api/v1/members/{member_id}/permanent (deleteMemberPermanently)
let t: TestApp;
let workspace: TestWorkspace;
const ctx = () => ({ t, workspace });
beforeAll(async () => {
  t = await sharedTestApp();
  workspace = await t.createWorkspace();
});

const destroy = (id: string, headers: Record<string, string>) =>
  t.request(`/api/v1/members/${id}/permanent`, { method: "DELETE", headers });

describe("deleteMemberPermanently: happy", () => {
  it("deletes the user, their membership and member record", async () => {
    const member = await t.addMember(workspace, "member");
    await t.request(`/api/v1/members/${member.id}`, { method: "PUT", headers: t.as(member, workspace), json: { title: "Temp" } });
    const res = await destroy(member.id, t.as(workspace.owner, workspace));
    expect(res.status).toBe(204);
    expect(await t.database.db.selectFrom("users").select("id").where("id", "=", member.id).executeTakeFirst()).toBeUndefined();
    expect(
      await t.database.db.selectFrom("workspace_members").select("user_id").where("user_id", "=", member.id).executeTakeFirst(),
    ).toBeUndefined();
    expect((await t.request(`/api/v1/members/${member.id}`, { headers: t.as(workspace.owner, workspace) })).status).toBe(404);
  });
});

describe("deleteMemberPermanently: error", () => {
  it("answers 409 when the user belongs to another workspace too", async () => {
    const member = await t.addMember(workspace, "member");
    await t.addMember(await t.createWorkspace(), "member", member);
    const res = await destroy(member.id, t.as(workspace.owner, workspace));
    expect(res.status).toBe(409);
    expect(res.headers.get("content-type")).toMatch(/problem\+json/);
  });

  it("answers 409 for the owner and for the caller themself", async () => {
    expect((await destroy(workspace.owner.id, t.as(workspace.owner, workspace))).status).toBe(409);
    const admin = await t.addMember(workspace, "admin");
    expect((await destroy(admin.id, t.as(admin, workspace))).status).toBe(409);
  });

  it("answers 422 for a non-uuid id", async () => {
    expect((await destroy("x", t.as(workspace.owner, workspace))).status).toBe(422);
  });
});

describe("deleteMemberPermanently: security", () => {
  itAnswers401WithoutCredentials(ctx, destroy);

  it("answers 404 for another workspace's member", async () => {
    const other = await t.createWorkspace();
    const stranger = await t.addMember(other, "member");
    expect((await destroy(stranger.id, t.as(workspace.owner, workspace))).status).toBe(404);
  });

  itForbidsAdminActingOnOwner(ctx, destroy, "an admin cannot delete the owner (403)");

  itChecksMemberActionRoles(ctx, destroy, 204);
});
