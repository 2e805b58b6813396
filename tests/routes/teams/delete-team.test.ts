import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { addToTeam, createTeam, unknownId, onlyAdminRoles } from "./team-test-helpers.ts";

// DELETE /api/v1/teams/{team_id} (deleteTeam)
let t: TestApp;
let workspace: TestWorkspace;
beforeAll(async () => {
  t = await sharedTestApp();
  workspace = await t.createWorkspace();
});

const remove = (id: string, headers: Record<string, string>) => t.request(`/api/v1/teams/${id}`, { method: "DELETE", headers });

describe("deleteTeam: happy", () => {
  it("deletes the team and moves its sub-teams up to its parent", async () => {
    const top = await createTeam(t, workspace);
    const mid = await createTeam(t, workspace, { parent_team_id: top.id });
    const leaf = await createTeam(t, workspace, { parent_team_id: mid.id });
    await addToTeam(t, workspace, mid.id, workspace.owner.id);
    expect((await remove(mid.id, t.as(workspace.owner, workspace))).status).toBe(204);
    expect((await t.request(`/api/v1/teams/${mid.id}`, { headers: t.as(workspace.owner, workspace) })).status).toBe(404);
    const moved = await (await t.request(`/api/v1/teams/${leaf.id}`, { headers: t.as(workspace.owner, workspace) })).json();
    expect(moved.parent_team_id).toBe(top.id);
  });
});

describe("deleteTeam: error", () => {
  it("answers 422 for a non-uuid id and 404 for an unknown one", async () => {
    const bad = await remove("x", t.as(workspace.owner, workspace));
    expect(bad.status).toBe(422);
    expect(bad.headers.get("content-type")).toMatch(/problem\+json/);
    expect((await remove(unknownId, t.as(workspace.owner, workspace))).status).toBe(404);
  });
});

describe("deleteTeam: security", () => {
  it("answers 401 without credentials", async () => {
    const team = await createTeam(t, workspace);
    expect((await remove(team.id, { "x-workspace-id": workspace.id })).status).toBe(401);
  });

  it("answers 404 for another workspace's team, which survives", async () => {
    const other = await t.createWorkspace();
    const foreign = await createTeam(t, other);
    expect((await remove(foreign.id, t.as(workspace.owner, workspace))).status).toBe(404);
    expect((await t.request(`/api/v1/teams/${foreign.id}`, { headers: t.as(other.owner, other) })).status).toBe(200);
  });

  it.each(onlyAdminRoles(204))("role %s gets %i", async (role, status) => {
    const team = await createTeam(t, workspace);
    const user = await t.addMember(workspace, role);
    expect((await remove(team.id, t.as(user, workspace))).status).toBe(status);
  });
});
