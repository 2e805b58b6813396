import { beforeAll, describe, expect, it } from "vitest";
import { newId } from "../../../core/ids.ts";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { expectProblem } from "./workspace-test-helpers.ts";

// GET /api/v1/workspaces/{workspace_id} (getWorkspace)
let t: TestApp;
let workspace: TestWorkspace;
beforeAll(async () => {
  t = await sharedTestApp();
  workspace = await t.createWorkspace();
});

describe("getWorkspace: happy", () => {
  it("returns the workspace with the caller's role", async () => {
    const res = await t.request(`/api/v1/workspaces/${workspace.id}`, { headers: t.as(workspace.owner) });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ id: workspace.id, role: "owner", owner_id: workspace.owner.id, settings: {} });
    expect(new Date(body.created_at).toISOString()).toBe(body.created_at);
  });
});

describe("getWorkspace: error", () => {
  it("answers 422 for a malformed id and 404 for an unknown one", async () => {
    expectProblem(await t.request("/api/v1/workspaces/not-a-uuid", { headers: t.as(workspace.owner) }), 422);
    expectProblem(await t.request(`/api/v1/workspaces/${newId()}`, { headers: t.as(workspace.owner) }), 404);
  });
});

describe("getWorkspace: security", () => {
  it("answers 401 without credentials", async () => {
    expectProblem(await t.request(`/api/v1/workspaces/${workspace.id}`), 401);
  });

  it("answers 404 for a workspace the caller is not in", async () => {
    const other = await t.createWorkspace();
    expectProblem(await t.request(`/api/v1/workspaces/${workspace.id}`, { headers: t.as(other.owner) }), 404);
  });

  it.each(["admin", "member", "viewer"] as const)("role %s can read it", async (role) => {
    const user = await t.addMember(workspace, role);
    const res = await t.request(`/api/v1/workspaces/${workspace.id}`, { headers: t.as(user) });
    expect(res.status).toBe(200);
    expect((await res.json()).role).toBe(role);
  });
});
