import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { createTeam, unknownId, onlyAdminRoles } from "./team-test-helpers.ts";

// POST /api/v1/teams/{team_id}/members (addTeamMember)
let t: TestApp;
let workspace: TestWorkspace;
beforeAll(async () => {
  t = await sharedTestApp();
  workspace = await t.createWorkspace();
});

const add = (id: string, headers: Record<string, string>, json: unknown) =>
  t.request(`/api/v1/teams/${id}/members`, { method: "POST", headers, json });

describe("addTeamMember: happy", () => {
  it("adds a workspace member (role defaults to member) and counts them", async () => {
    const team = await createTeam(t, workspace);
    const member = await t.addMember(workspace, "viewer");
    const res = await add(team.id, t.as(workspace.owner, workspace), { member_id: member.id });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ team_id: team.id, member_id: member.id, role: "member", email: member.email });
    const lead = await (await add(team.id, t.as(workspace.owner, workspace), { member_id: workspace.owner.id, role: "lead" })).json();
    expect(lead.role).toBe("lead");
    const after = await (await t.request(`/api/v1/teams/${team.id}`, { headers: t.as(workspace.owner, workspace) })).json();
    expect(after.member_count).toBe(2);
  });
});

describe("addTeamMember: error", () => {
  it.each([[{}], [{ member_id: "x" }], [{ member_id: unknownId, role: "captain" }]])("answers 422 problem+json for %j", async (json) => {
    const team = await createTeam(t, workspace);
    const res = await add(team.id, t.as(workspace.owner, workspace), json);
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toMatch(/problem\+json/);
  });

  it("answers 409 for a duplicate and 404 for an unknown team or member", async () => {
    const team = await createTeam(t, workspace);
    const member = await t.addMember(workspace, "member");
    expect((await add(team.id, t.as(workspace.owner, workspace), { member_id: member.id })).status).toBe(201);
    expect((await add(team.id, t.as(workspace.owner, workspace), { member_id: member.id, role: "lead" })).status).toBe(409);
    expect((await add(unknownId, t.as(workspace.owner, workspace), { member_id: member.id })).status).toBe(404);
    expect((await add(team.id, t.as(workspace.owner, workspace), { member_id: unknownId })).status).toBe(404);
  });
});

describe("addTeamMember: security", () => {
  it("answers 401 without credentials", async () => {
    const team = await createTeam(t, workspace);
    expect((await add(team.id, { "x-workspace-id": workspace.id }, { member_id: workspace.owner.id })).status).toBe(401);
  });

  it("answers 404 for another workspace's user or team", async () => {
    const other = await t.createWorkspace();
    const team = await createTeam(t, workspace);
    const foreignTeam = await createTeam(t, other);
    expect((await add(team.id, t.as(workspace.owner, workspace), { member_id: other.owner.id })).status).toBe(404);
    expect((await add(foreignTeam.id, t.as(workspace.owner, workspace), { member_id: workspace.owner.id })).status).toBe(404);
  });

  it.each(onlyAdminRoles(201))("role %s gets %i", async (role, status) => {
    const team = await createTeam(t, workspace);
    const user = await t.addMember(workspace, role);
    expect((await add(team.id, t.as(user, workspace), { member_id: user.id })).status).toBe(status);
  });
});
