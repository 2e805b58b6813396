import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { overridePermission } from "../members/member-test-helpers.ts";
import { addToTeam, createTeam, unknownId } from "./team-test-helpers.ts";

// GET /api/v1/teams/{team_id}/members (listTeamMembers)
let t: TestApp;
let workspace: TestWorkspace;
beforeAll(async () => {
  t = await sharedTestApp();
  workspace = await t.createWorkspace();
});

const list = (id: string, headers: Record<string, string>) => t.request(`/api/v1/teams/${id}/members`, { headers });

describe("listTeamMembers: happy", () => {
  it("lists members with their team role, leads first", async () => {
    const team = await createTeam(t, workspace);
    const member = await t.addMember(workspace, "member");
    await addToTeam(t, workspace, team.id, member.id, "member");
    await addToTeam(t, workspace, team.id, workspace.owner.id, "lead");
    const res = await list(team.id, t.as(member, workspace));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.total).toBe(2);
    expect(body.items[0]).toMatchObject({ team_id: team.id, member_id: workspace.owner.id, role: "lead", email: workspace.owner.email });
    expect(body.items[1]).toMatchObject({ member_id: member.id, role: "member", full_name: "Test User" });
  });
});

describe("listTeamMembers: error", () => {
  it("answers 422 for a non-uuid id and 404 for an unknown team", async () => {
    const bad = await list("x", t.as(workspace.owner, workspace));
    expect(bad.status).toBe(422);
    expect(bad.headers.get("content-type")).toMatch(/problem\+json/);
    expect((await list(unknownId, t.as(workspace.owner, workspace))).status).toBe(404);
  });
});

describe("listTeamMembers: security", () => {
  it("answers 401 without credentials", async () => {
    const team = await createTeam(t, workspace);
    expect((await list(team.id, { "x-workspace-id": workspace.id })).status).toBe(401);
  });

  it("answers 404 for another workspace's team", async () => {
    const other = await t.createWorkspace();
    const foreign = await createTeam(t, other);
    expect((await list(foreign.id, t.as(workspace.owner, workspace))).status).toBe(404);
  });

  it("answers 403 when the role lacks can_view_team", async () => {
    const ws = await t.createWorkspace();
    const team = await createTeam(t, ws);
    const viewer = await t.addMember(ws, "viewer");
    await overridePermission(t, ws, "viewer", "can_view_team", false);
    expect((await list(team.id, t.as(viewer, ws))).status).toBe(403);
  });
});
