import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { expectProblem } from "./workspace-test-helpers.ts";

// PUT /api/v1/workspaces/{workspace_id} (updateWorkspace)
let t: TestApp;
let workspace: TestWorkspace;
const path = () => `/api/v1/workspaces/${workspace.id}`;
beforeAll(async () => {
  t = await sharedTestApp();
  workspace = await t.createWorkspace();
});

describe("updateWorkspace: happy", () => {
  it("renames and merges settings key by key", async () => {
    const first = await t.request(path(), { method: "PUT", headers: t.as(workspace.owner), json: { name: "Renamed", settings: { timezone: "UTC" } } });
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ name: "Renamed", settings: { timezone: "UTC" }, role: "owner" });
    const second = await t.request(path(), { method: "PUT", headers: t.as(workspace.owner), json: { settings: { locale: "fr" } } });
    expect((await second.json()).settings).toEqual({ timezone: "UTC", locale: "fr" });
    const read = await (await t.request(path(), { headers: t.as(workspace.owner) })).json();
    expect(read).toMatchObject({ name: "Renamed", settings: { timezone: "UTC", locale: "fr" } });
  });
});

describe("updateWorkspace: error", () => {
  it("answers 422 for an empty body, a blank name or an unknown field", async () => {
    for (const json of [{}, { name: "   " }, { colour: "red" }]) {
      expectProblem(await t.request(path(), { method: "PUT", headers: t.as(workspace.owner), json }), 422);
    }
  });

  it("answers 409 for a slug another workspace uses", async () => {
    const other = await t.createWorkspace();
    await t.request(`/api/v1/workspaces/${other.id}`, { method: "PUT", headers: t.as(other.owner), json: { slug: `taken-${other.id.slice(-8)}` } });
    const res = await t.request(path(), { method: "PUT", headers: t.as(workspace.owner), json: { slug: `taken-${other.id.slice(-8)}` } });
    expectProblem(res, 409);
  });
});

describe("updateWorkspace: security", () => {
  it("answers 401 without credentials", async () => {
    expectProblem(await t.request(path(), { method: "PUT", json: { name: "x" } }), 401);
  });

  it("answers 404 for a workspace the caller is not in", async () => {
    const other = await t.createWorkspace();
    expectProblem(await t.request(path(), { method: "PUT", headers: t.as(other.owner), json: { name: "Hijacked" } }), 404);
  });

  it.each([
    ["admin", 200],
    ["member", 403],
    ["viewer", 403],
  ] as const)("role %s gets %i", async (role, status) => {
    const user = await t.addMember(workspace, role);
    const res = await t.request(path(), { method: "PUT", headers: t.as(user), json: { name: `By ${role}` } });
    expect(res.status).toBe(status);
  });
});
