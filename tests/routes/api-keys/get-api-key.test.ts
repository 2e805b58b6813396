import { beforeAll, describe, expect, it } from "vitest";
import { newId } from "../../../core/ids.ts";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";

// GET /api/v1/api-keys/{api_key_id} (getApiKey)
let t: TestApp;
let workspace: TestWorkspace;
let keyId: string;
beforeAll(async () => {
  t = await sharedTestApp();
  workspace = await t.createWorkspace();
  keyId = (await t.createApiKey(workspace)).id;
});

describe("getApiKey: happy", () => {
  it("returns the key with its prefix, never the secret", async () => {
    const res = await t.request(`/api/v1/api-keys/${keyId}`, { headers: t.as(workspace.owner, workspace) });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ id: keyId, name: "test key", status: "active", is_active: true, is_revoked: false });
    expect(body.prefix).toMatch(/^fos_live_.{3}$/);
    expect(body).not.toHaveProperty("key");
  });
});

describe("getApiKey: error", () => {
  it("answers 422 for a malformed id and 404 for an unknown one", async () => {
    const bad = await t.request("/api/v1/api-keys/not-a-uuid", { headers: t.as(workspace.owner, workspace) });
    expect(bad.status).toBe(422);
    expect(bad.headers.get("content-type")).toMatch(/problem\+json/);
    expect((await t.request(`/api/v1/api-keys/${newId()}`, { headers: t.as(workspace.owner, workspace) })).status).toBe(404);
  });
});

describe("getApiKey: security", () => {
  it("answers 401 without credentials", async () => {
    expect((await t.request(`/api/v1/api-keys/${keyId}`, { headers: { "x-workspace-id": workspace.id } })).status).toBe(401);
  });

  it("answers 404 for another workspace's key", async () => {
    const other = await t.createWorkspace();
    expect((await t.request(`/api/v1/api-keys/${keyId}`, { headers: t.as(other.owner, other) })).status).toBe(404);
  });

  it.each([
    ["admin", 200],
    ["member", 403],
    ["viewer", 403],
  ] as const)("role %s gets %i", async (role, status) => {
    const user = await t.addMember(workspace, role);
    expect((await t.request(`/api/v1/api-keys/${keyId}`, { headers: t.as(user, workspace) })).status).toBe(status);
  });
});
