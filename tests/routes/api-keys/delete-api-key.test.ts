import { beforeAll, describe, expect, it } from "vitest";
import { newId } from "../../../core/ids.ts";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { apiKeyProbeStatus } from "./api-key-probe.ts";

// DELETE /api/v1/api-keys/{api_key_id} (deleteApiKey)
let t: TestApp;
let workspace: TestWorkspace;
beforeAll(async () => {
  t = await sharedTestApp();
  workspace = await t.createWorkspace();
});

const remove = (id: string, headers: Record<string, string>) => t.request(`/api/v1/api-keys/${id}`, { method: "DELETE", headers });

describe("deleteApiKey: happy", () => {
  it("deletes the key and its record (204); the key stops working", async () => {
    const { id, key } = await t.createApiKey(workspace);
    const res = await remove(id, t.as(workspace.owner, workspace));
    expect(res.status).toBe(204);
    expect(await res.text()).toBe("");
    expect((await t.request(`/api/v1/api-keys/${id}`, { headers: t.as(workspace.owner, workspace) })).status).toBe(404);
    expect(await apiKeyProbeStatus(t, key)).toBe(401);
  });

  it("deletes a revoked key too", async () => {
    const { id } = await t.createApiKey(workspace, { revoked: true });
    expect((await remove(id, t.as(workspace.owner, workspace))).status).toBe(204);
  });
});

describe("deleteApiKey: error", () => {
  it("answers 404 for an unknown id (also the second time) and 422 for a malformed one", async () => {
    const { id } = await t.createApiKey(workspace);
    await remove(id, t.as(workspace.owner, workspace));
    const again = await remove(id, t.as(workspace.owner, workspace));
    expect(again.status).toBe(404);
    expect(again.headers.get("content-type")).toMatch(/problem\+json/);
    expect((await remove(newId(), t.as(workspace.owner, workspace))).status).toBe(404);
    expect((await remove("x", t.as(workspace.owner, workspace))).status).toBe(422);
  });
});

describe("deleteApiKey: security", () => {
  it("answers 401 without credentials", async () => {
    const { id } = await t.createApiKey(workspace);
    expect((await remove(id, { "x-workspace-id": workspace.id })).status).toBe(401);
  });

  it("answers 404 for another workspace's key and keeps it", async () => {
    const other = await t.createWorkspace();
    const { id } = await t.createApiKey(workspace);
    expect((await remove(id, t.as(other.owner, other))).status).toBe(404);
    expect((await t.request(`/api/v1/api-keys/${id}`, { headers: t.as(workspace.owner, workspace) })).status).toBe(200);
  });

  it.each([
    ["admin", 204],
    ["member", 403],
    ["viewer", 403],
  ] as const)("role %s gets %i", async (role, status) => {
    const user = await t.addMember(workspace, role);
    const { id } = await t.createApiKey(workspace);
    expect((await remove(id, t.as(user, workspace))).status).toBe(status);
  });
});
