import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { createLedTeam, itAnswers401WithoutCredentials, itForbidsAdminActingOnOwner, itChecksMemberActionRoles } from "./member-test-helpers.ts";

// DELETE /api/v1/members/{member_id} (removeMember)
let t: TestApp;
let workspace: TestWorkspace;
const ctx = () => ({ t, workspace });
beforeAll(async () => {
  t = await sharedTestApp();
  workspace = await t.createWorkspace();
});

const remove = (id: string, headers: Record<string, string>) => t.request(`/api/v1/members/${id}`, { method: "DELETE", headers });

describe("removeMember: happy", () => {
  it("ends access, soft-deletes the member record and drops team memberships; the account stays", async () => {
    const member = await t.addMember(workspace, "member");
    const teamId = await createLedTeam(t, workspace, member.id);
    const res = await remove(member.id, t.as(workspace.owner, workspace));
    expect(res.status).toBe(204);
    expect((await t.request(`/api/v1/members/${member.id}`, { headers: t.as(workspace.owner, workspace) })).status).toBe(404);
    expect((await t.request("/api/v1/members/me", { headers: t.as(member, workspace) })).status).toBe(404);
    const status = await t.database.db
      .selectFrom("workspace_members")
      .select("status")
      .where("workspace_id", "=", workspace.id)
      .where("user_id", "=", member.id)
      .executeTakeFirstOrThrow();
    expect(status.status).toBe("removed");
    expect(await t.database.db.selectFrom("users").select("id").where("id", "=", member.id).executeTakeFirst()).toBeDefined();
    const team = await (await t.request(`/api/v1/teams/${teamId}/members`, { headers: t.as(workspace.owner, workspace) })).json();
    expect(team.total).toBe(0);
  });
});

describe("removeMember: error", () => {
  it("answers 422 for a non-uuid id, 404 for an unknown or already removed one", async () => {
    const bad = await remove("x", t.as(workspace.owner, workspace));
    expect(bad.status).toBe(422);
    expect(bad.headers.get("content-type")).toMatch(/problem\+json/);
    const member = await t.addMember(workspace, "viewer");
    expect((await remove(member.id, t.as(workspace.owner, workspace))).status).toBe(204);
    expect((await remove(member.id, t.as(workspace.owner, workspace))).status).toBe(404);
  });

  it("answers 409 for the owner", async () => {
    expect((await remove(workspace.owner.id, t.as(workspace.owner, workspace))).status).toBe(409);
  });
});

describe("removeMember: security", () => {
  itAnswers401WithoutCredentials(ctx, remove);

  it("answers 404 for another workspace's member", async () => {
    const other = await t.createWorkspace();
    expect((await remove(other.owner.id, t.as(workspace.owner, workspace))).status).toBe(404);
  });

  itForbidsAdminActingOnOwner(ctx, remove, "an admin cannot remove the owner (403)");

  itChecksMemberActionRoles(ctx, remove, 204);
});
