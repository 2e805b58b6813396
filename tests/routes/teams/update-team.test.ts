import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { createTeam, unknownId, onlyAdminRoles } from "./team-test-helpers.ts";

// PUT /api/v1/teams/{team_id} (updateTeam)
let t: TestApp;
let workspace: TestWorkspace;
beforeAll(async () => {
  t = await sharedTestApp();
  workspace = await t.createWorkspace();
});

const update = (id: string, headers: Record<string, string>, json: unknown) => t.request(`/api/v1/teams/${id}`, { method: "PUT", headers, json });

describe("updateTeam: happy", () => {
  it("renames, deactivates, moves under a parent and back to the top level", async () => {
    const team = await createTeam(t, workspace);
    const parent = await createTeam(t, workspace);
    const res = await update(team.id, t.as(workspace.owner, workspace), { name: "Renamed", is_active: false, parent_team_id: parent.id });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ name: "Renamed", is_active: false, parent_team_id: parent.id });
    expect(await (await update(team.id, t.as(workspace.owner, workspace), { parent_team_id: null })).json()).toMatchObject({
      name: "Renamed",
      parent_team_id: null,
    });
  });
});

describe("updateTeam: error", () => {
  it("answers 422 for a cycle: itself or a descendant as parent", async () => {
    const top = await createTeam(t, workspace);
    const mid = await createTeam(t, workspace, { parent_team_id: top.id });
    const leaf = await createTeam(t, workspace, { parent_team_id: mid.id });
    for (const parent of [top.id, leaf.id]) {
      const res = await update(top.id, t.as(workspace.owner, workspace), { parent_team_id: parent });
      expect(res.status).toBe(422);
      expect(res.headers.get("content-type")).toMatch(/problem\+json/);
    }
  });

  it("answers 422 for bad fields, 404 for an unknown team, 409 for a taken name", async () => {
    const team = await createTeam(t, workspace);
    const taken = await createTeam(t, workspace);
    expect((await update(team.id, t.as(workspace.owner, workspace), { name: "" })).status).toBe(422);
    expect((await update(unknownId, t.as(workspace.owner, workspace), { name: "x" })).status).toBe(404);
    expect((await update(team.id, t.as(workspace.owner, workspace), { name: taken.name })).status).toBe(409);
  });
});

describe("updateTeam: security", () => {
  it("answers 401 without credentials", async () => {
    const team = await createTeam(t, workspace);
    expect((await update(team.id, { "x-workspace-id": workspace.id }, { name: "x" })).status).toBe(401);
  });

  it("answers 404 for another workspace's team or parent", async () => {
    const other = await t.createWorkspace();
    const foreign = await createTeam(t, other);
    const team = await createTeam(t, workspace);
    expect((await update(foreign.id, t.as(workspace.owner, workspace), { name: "x" })).status).toBe(404);
    expect((await update(team.id, t.as(workspace.owner, workspace), { parent_team_id: foreign.id })).status).toBe(404);
  });

  it.each(onlyAdminRoles(200))("role %s gets %i", async (role, status) => {
    const team = await createTeam(t, workspace);
    const user = await t.addMember(workspace, role);
    expect((await update(team.id, t.as(user, workspace), { description: "changed" })).status).toBe(status);
  });
});
