import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { addToTeam, createTeam, unknownId, onlyAdminRoles } from "./team-test-helpers.ts";

// DELETE /api/v1/teams/{team_id}/members/{member_id} (removeTeamMember)
let t: TestApp;
let workspace: TestWorkspace;
beforeAll(async () => {
  t = await sharedTestApp();
  workspace = await t.createWorkspace();
});

const remove = (teamId: string, memberId: string, headers: Record<string, string>) =>
  t.request(`/api/v1/teams/${teamId}/members/${memberId}`, { method: "DELETE", headers });

describe("removeTeamMember: happy", () => {
  it("takes the member out of the team; they stay in the workspace", async () => {
    const team = await createTeam(t, workspace);
    const member = await t.addMember(workspace, "member");
    await addToTeam(t, workspace, team.id, member.id);
    expect((await remove(team.id, member.id, t.as(workspace.owner, workspace))).status).toBe(204);
    const members = await (await t.request(`/api/v1/teams/${team.id}/members`, { headers: t.as(workspace.owner, workspace) })).json();
    expect(members.total).toBe(0);
    expect((await t.request(`/api/v1/members/${member.id}`, { headers: t.as(workspace.owner, workspace) })).status).toBe(200);
  });
});

describe("removeTeamMember: error", () => {
  it("answers 422 for non-uuid ids and 404 for a member not in the team", async () => {
    const team = await createTeam(t, workspace);
    const bad = await remove(team.id, "x", t.as(workspace.owner, workspace));
    expect(bad.status).toBe(422);
    expect(bad.headers.get("content-type")).toMatch(/problem\+json/);
    expect((await remove(team.id, workspace.owner.id, t.as(workspace.owner, workspace))).status).toBe(404);
    expect((await remove(unknownId, workspace.owner.id, t.as(workspace.owner, workspace))).status).toBe(404);
  });
});

describe("removeTeamMember: security", () => {
  it("answers 401 without credentials", async () => {
    expect((await remove(unknownId, unknownId, { "x-workspace-id": workspace.id })).status).toBe(401);
  });

  it("answers 404 for another workspace's team, whose membership survives", async () => {
    const other = await t.createWorkspace();
    const foreign = await createTeam(t, other);
    await addToTeam(t, other, foreign.id, other.owner.id);
    expect((await remove(foreign.id, other.owner.id, t.as(workspace.owner, workspace))).status).toBe(404);
    const members = await (await t.request(`/api/v1/teams/${foreign.id}/members`, { headers: t.as(other.owner, other) })).json();
    expect(members.total).toBe(1);
  });

  it.each(onlyAdminRoles(204))("role %s gets %i", async (role, status) => {
    const team = await createTeam(t, workspace);
    const target = await t.addMember(workspace, "viewer");
    await addToTeam(t, workspace, team.id, target.id);
    const user = await t.addMember(workspace, role);
    expect((await remove(team.id, target.id, t.as(user, workspace))).status).toBe(status);
  });
});
