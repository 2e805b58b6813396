import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { overridePermission } from "../members/member-test-helpers.ts";
import { addToTeam, createTeam } from "./team-test-helpers.ts";

// GET /api/v1/teams (listTeams)
let t: TestApp;
let workspace: TestWorkspace;
let parent: { id: string };
beforeAll(async () => {
  t = await sharedTestApp();
  workspace = await t.createWorkspace();
  parent = await createTeam(t, workspace, { name: "Acquisitions" });
  await createTeam(t, workspace, { name: "Acq East", parent_team_id: parent.id });
  await createTeam(t, workspace, { name: "Dormant", is_active: false });
  await addToTeam(t, workspace, parent.id, workspace.owner.id, "lead");
});

const list = (query: string, headers: Record<string, string>) => t.request(`/api/v1/teams${query}`, { headers });

describe("listTeams: happy", () => {
  it("lists every team by name with member counts", async () => {
    const res = await list("", t.as(workspace.owner, workspace));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.total).toBe(3);
    expect(body.items.map((x: { name: string }) => x.name)).toEqual(["Acq East", "Acquisitions", "Dormant"]);
    expect(body.items[1]).toMatchObject({ member_count: 1, parent_team_id: null, is_active: true });
  });

  it("filters by search, is_active and parent_team_id", async () => {
    const h = t.as(workspace.owner, workspace);
    expect((await (await list("?search=ACQ", h)).json()).total).toBe(2);
    expect((await (await list("?is_active=false", h)).json()).items.map((x: { name: string }) => x.name)).toEqual(["Dormant"]);
    expect((await (await list(`?parent_team_id=${parent.id}`, h)).json()).items.map((x: { name: string }) => x.name)).toEqual(["Acq East"]);
  });
});

describe("listTeams: error", () => {
  it.each(["?parent_team_id=nope", "?is_active=1"])("answers 422 problem+json for %s", async (query) => {
    const res = await list(query, t.as(workspace.owner, workspace));
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toMatch(/problem\+json/);
  });
});

describe("listTeams: security", () => {
  it("answers 401 without credentials", async () => {
    expect((await list("", { "x-workspace-id": workspace.id })).status).toBe(401);
  });

  it("answers 404 for a workspace the caller is not in, and never shows another workspace's teams", async () => {
    const other = await t.createWorkspace();
    expect((await list("", t.as(other.owner, workspace))).status).toBe(404);
    expect((await (await list("", t.as(other.owner, other))).json()).total).toBe(0);
  });

  it("answers 403 when the role lacks can_view_team", async () => {
    const ws = await t.createWorkspace();
    const viewer = await t.addMember(ws, "viewer");
    await overridePermission(t, ws, "viewer", "can_view_team", false);
    expect((await list("", t.as(viewer, ws))).status).toBe(403);
  });

  it.each(["admin", "member", "viewer"] as const)("role %s may list teams", async (role) => {
    const user = await t.addMember(workspace, role);
    expect((await list("", t.as(user, workspace))).status).toBe(200);
  });
});
