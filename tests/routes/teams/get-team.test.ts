import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { overridePermission } from "../members/member-test-helpers.ts";
import { createTeam, unknownId } from "./team-test-helpers.ts";

// GET /api/v1/teams/{team_id} (getTeam)
let t: TestApp;
let workspace: TestWorkspace;
beforeAll(async () => {
  t = await sharedTestApp();
  workspace = await t.createWorkspace();
});

describe("getTeam: happy", () => {
  it("returns the team", async () => {
    const team = await createTeam(t, workspace, { name: "Research", description: "Desk research" });
    const viewer = await t.addMember(workspace, "viewer");
    const res = await t.request(`/api/v1/teams/${team.id}`, { headers: t.as(viewer, workspace) });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      id: team.id,
      name: "Research",
      description: "Desk research",
      parent_team_id: null,
      is_active: true,
      member_count: 0,
      created_by: workspace.owner.id,
    });
  });
});

describe("getTeam: error", () => {
  it("answers 422 for a non-uuid id and 404 for an unknown one", async () => {
    const bad = await t.request("/api/v1/teams/abc", { headers: t.as(workspace.owner, workspace) });
    expect(bad.status).toBe(422);
    expect(bad.headers.get("content-type")).toMatch(/problem\+json/);
    expect((await t.request(`/api/v1/teams/${unknownId}`, { headers: t.as(workspace.owner, workspace) })).status).toBe(404);
  });
});

describe("getTeam: security", () => {
  it("answers 401 without credentials", async () => {
    const team = await createTeam(t, workspace);
    expect((await t.request(`/api/v1/teams/${team.id}`, { headers: { "x-workspace-id": workspace.id } })).status).toBe(401);
  });

  it("answers 404 for another workspace's team", async () => {
    const other = await t.createWorkspace();
    const team = await createTeam(t, other);
    expect((await t.request(`/api/v1/teams/${team.id}`, { headers: t.as(workspace.owner, workspace) })).status).toBe(404);
  });

  it("answers 403 when the role lacks can_view_team", async () => {
    const ws = await t.createWorkspace();
    const team = await createTeam(t, ws);
    const member = await t.addMember(ws, "member");
    await overridePermission(t, ws, "member", "can_view_team", false);
    expect((await t.request(`/api/v1/teams/${team.id}`, { headers: t.as(member, ws) })).status).toBe(403);
  });
});
