import { beforeAll, describe, expect, it } from "vitest";
import { newId } from "../../../core/ids.ts";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { apiKeyProbeStatus } from "./api-key-probe.ts";

// POST /api/v1/api-keys/{api_key_id}/toggle (toggleApiKey)
let t: TestApp;
let workspace: TestWorkspace;
beforeAll(async () => {
  t = await sharedTestApp();
  workspace = await t.createWorkspace();
});

const toggle = (id: string, headers: Record<string, string>) => t.request(`/api/v1/api-keys/${id}/toggle`, { method: "POST", headers });

describe("toggleApiKey: happy", () => {
  it("disables a key (it answers 401) and enables it again", async () => {
    const { id, key } = await t.createApiKey(workspace);
    const off = await toggle(id, t.as(workspace.owner, workspace));
    expect(off.status).toBe(200);
    expect(await off.json()).toMatchObject({ id, is_active: false, status: "disabled", is_revoked: false });
    expect(await apiKeyProbeStatus(t, key)).toBe(401);
    const on = await toggle(id, t.as(workspace.owner, workspace));
    expect(await on.json()).toMatchObject({ is_active: true, status: "active" });
    expect(await apiKeyProbeStatus(t, key)).toBe(200);
  });
});

describe("toggleApiKey: error", () => {
  it("answers 409 for a revoked key (revocation is final)", async () => {
    const { id, key } = await t.createApiKey(workspace, { revoked: true });
    const res = await toggle(id, t.as(workspace.owner, workspace));
    expect(res.status).toBe(409);
    expect(res.headers.get("content-type")).toMatch(/problem\+json/);
    expect(await apiKeyProbeStatus(t, key)).toBe(401);
  });

  it("answers 404 for an unknown id and 422 for a malformed one", async () => {
    expect((await toggle(newId(), t.as(workspace.owner, workspace))).status).toBe(404);
    expect((await toggle("x", t.as(workspace.owner, workspace))).status).toBe(422);
  });
});

describe("toggleApiKey: security", () => {
  it("answers 401 without credentials", async () => {
    const { id } = await t.createApiKey(workspace);
    expect((await toggle(id, { "x-workspace-id": workspace.id })).status).toBe(401);
  });

  it("answers 404 for another workspace's key", async () => {
    const other = await t.createWorkspace();
    const { id, key } = await t.createApiKey(workspace);
    expect((await toggle(id, t.as(other.owner, other))).status).toBe(404);
    expect(await apiKeyProbeStatus(t, key)).toBe(200);
  });

  it.each([
    ["admin", 200],
    ["member", 403],
    ["viewer", 403],
  ] as const)("role %s gets %i", async (role, status) => {
    const user = await t.addMember(workspace, role);
    const { id } = await t.createApiKey(workspace);
    expect((await toggle(id, t.as(user, workspace))).status).toBe(status);
  });
});
