import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { createTeam, unknownId, onlyAdminRoles } from "./team-test-helpers.ts";

// POST /api/v1/teams (createTeam)
let t: TestApp;
let workspace: TestWorkspace;
beforeAll(async () => {
  t = await sharedTestApp();
  workspace = await t.createWorkspace();
});

const create = (headers: Record<string, string>, json: unknown) => t.request("/api/v1/teams", { method: "POST", headers, json });

describe("createTeam: happy", () => {
  it("creates a top-level team and a nested one", async () => {
    const res = await create(t.as(workspace.owner, workspace), { name: "  Sales  ", description: "Closers" });
    expect(res.status).toBe(201);
    const sales = await res.json();
    expect(sales).toMatchObject({ name: "Sales", description: "Closers", parent_team_id: null, member_count: 0, is_active: true });
    const child = await (await create(t.as(workspace.owner, workspace), { name: "Sales West", parent_team_id: sales.id })).json();
    expect(child.parent_team_id).toBe(sales.id);
  });
});

describe("createTeam: error", () => {
  it.each([[{}], [{ name: "" }], [{ name: "x".repeat(121) }], [{ name: "ok", parent_team_id: "nope" }]])(
    "answers 422 problem+json for %j",
    async (json) => {
      const res = await create(t.as(workspace.owner, workspace), json);
      expect(res.status).toBe(422);
      expect(res.headers.get("content-type")).toMatch(/problem\+json/);
    },
  );

  it("answers 409 for a name taken in any case", async () => {
    await createTeam(t, workspace, { name: "Legal" });
    expect((await create(t.as(workspace.owner, workspace), { name: "LEGAL" })).status).toBe(409);
  });

  it("answers 404 for an unknown parent", async () => {
    expect((await create(t.as(workspace.owner, workspace), { name: "Orphan", parent_team_id: unknownId })).status).toBe(404);
  });
});

describe("createTeam: security", () => {
  it("answers 401 without credentials", async () => {
    expect((await create({ "x-workspace-id": workspace.id }, { name: "x" })).status).toBe(401);
  });

  it("answers 404 for another workspace's parent team", async () => {
    const other = await t.createWorkspace();
    const foreign = await createTeam(t, other);
    expect((await create(t.as(workspace.owner, workspace), { name: "Sneaky", parent_team_id: foreign.id })).status).toBe(404);
  });

  it.each(onlyAdminRoles(201))("role %s gets %i", async (role, status) => {
    const user = await t.addMember(workspace, role);
    expect((await create(t.as(user, workspace), { name: `By ${role} ${crypto.randomUUID()}` })).status).toBe(status);
  });
});
