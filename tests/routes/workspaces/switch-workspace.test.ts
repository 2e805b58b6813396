import { beforeAll, describe, expect, it } from "vitest";
import { newId } from "../../../core/ids.ts";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { expectProblem } from "./workspace-test-helpers.ts";

// POST /api/v1/workspaces/switch (switchWorkspace)
let t: TestApp;
let workspace: TestWorkspace;
beforeAll(async () => {
  t = await sharedTestApp();
  workspace = await t.createWorkspace();
});

const post = (headers: Record<string, string>, json: unknown) =>
  t.request("/api/v1/workspaces/switch", { method: "POST", headers, json });

describe("switchWorkspace: happy", () => {
  it("returns the workspace, the caller's role, permissions and the header to send", async () => {
    const viewer = await t.addMember(workspace, "viewer");
    const res = await post(t.as(viewer), { workspace_id: workspace.id });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ workspace_id: workspace.id, role: "viewer", workspace: { id: workspace.id }, headers: { "X-Workspace-Id": workspace.id } });
    expect(body.permissions).toContain("can_view_record");
    expect(body.permissions).not.toContain("can_create_record");
    // The context works: the header opens workspace routes.
    const count = await t.request("/api/v1/api-keys/count", { headers: { ...t.as(workspace.owner), ...{ "x-workspace-id": body.workspace_id } } });
    expect(count.status).toBe(200);
  });
});

describe("switchWorkspace: error", () => {
  it("answers 422 for a missing or malformed workspace_id", async () => {
    expectProblem(await post(t.as(workspace.owner), {}), 422);
    expectProblem(await post(t.as(workspace.owner), { workspace_id: "nope" }), 422);
  });
});

describe("switchWorkspace: security", () => {
  it("answers 401 without credentials", async () => {
    expectProblem(await post({}, { workspace_id: workspace.id }), 401);
  });

  it("answers 403 for a workspace the caller is not in, or that does not exist", async () => {
    const stranger = await t.createUser();
    expectProblem(await post(t.as(stranger), { workspace_id: workspace.id }), 403);
    expectProblem(await post(t.as(stranger), { workspace_id: newId() }), 403);
  });
});
