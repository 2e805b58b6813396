import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { addToTeam, createTeam, unknownId, onlyAdminRoles } from "./team-test-helpers.ts";

// PUT /api/v1/teams/{team_id}/members/{member_id} (updateTeamMemberRole)
let t: TestApp;
let workspace: TestWorkspace;
beforeAll(async () => {
  t = await sharedTestApp();
  workspace = await t.createWorkspace();
});

const put = (teamId: string, memberId: string, headers: Record<string, string>, json: unknown) =>
  t.request(`/api/v1/teams/${teamId}/members/${memberId}`, { method: "PUT", headers, json });

describe("updateTeamMemberRole: happy", () => {
  it("promotes a member to lead and back", async () => {
    const team = await createTeam(t, workspace);
    const member = await t.addMember(workspace, "member");
    await addToTeam(t, workspace, team.id, member.id);
    const res = await put(team.id, member.id, t.as(workspace.owner, workspace), { role: "lead" });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ team_id: team.id, member_id: member.id, role: "lead" });
    expect((await (await put(team.id, member.id, t.as(workspace.owner, workspace), { role: "member" })).json()).role).toBe("member");
  });
});

describe("updateTeamMemberRole: error", () => {
  it("answers 422 for a bad role and 404 for a member not in the team", async () => {
    const team = await createTeam(t, workspace);
    const member = await t.addMember(workspace, "member");
    const bad = await put(team.id, member.id, t.as(workspace.owner, workspace), { role: "boss" });
    expect(bad.status).toBe(422);
    expect(bad.headers.get("content-type")).toMatch(/problem\+json/);
    expect((await put(team.id, member.id, t.as(workspace.owner, workspace), { role: "lead" })).status).toBe(404);
    expect((await put(unknownId, member.id, t.as(workspace.owner, workspace), { role: "lead" })).status).toBe(404);
  });
});

describe("updateTeamMemberRole: security", () => {
  it("answers 401 without credentials", async () => {
    expect((await put(unknownId, unknownId, { "x-workspace-id": workspace.id }, { role: "lead" })).status).toBe(401);
  });

  it("answers 404 for another workspace's team or member", async () => {
    const other = await t.createWorkspace();
    const foreign = await createTeam(t, other);
    await addToTeam(t, other, foreign.id, other.owner.id);
    expect((await put(foreign.id, other.owner.id, t.as(workspace.owner, workspace), { role: "lead" })).status).toBe(404);
  });

  it.each(onlyAdminRoles(200))("role %s gets %i", async (role, status) => {
    const team = await createTeam(t, workspace);
    await addToTeam(t, workspace, team.id, workspace.owner.id);
    const user = await t.addMember(workspace, role);
    expect((await put(team.id, workspace.owner.id, t.as(user, workspace), { role: "lead" })).status).toBe(status);
  });
});
