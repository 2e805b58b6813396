import { beforeAll, describe, expect, it } from "vitest";
import { hashSecretToken } from "../../../core/auth/secret-token.ts";
import { newId } from "../../../core/ids.ts";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { apiKeyProbeStatus } from "./api-key-probe.ts";

// PUT /api/v1/api-keys/{api_key_id} (updateApiKey)
let t: TestApp;
let workspace: TestWorkspace;
beforeAll(async () => {
  t = await sharedTestApp();
  workspace = await t.createWorkspace();
});

const update = (id: string, headers: Record<string, string>, json: unknown) =>
  t.request(`/api/v1/api-keys/${id}`, { method: "PUT", headers, json });

describe("updateApiKey: happy", () => {
  it("changes name, scopes, expiry and is_active, never the key", async () => {
    const { id, key } = await t.createApiKey(workspace);
    const expiresAt = new Date(Date.now() + 3_600_000).toISOString();
    const res = await update(id, t.as(workspace.owner, workspace), {
      name: "renamed",
      scopes: ["can_view_record", "can_view_record", "can_create_record"],
      expires_at: expiresAt,
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ id, name: "renamed", scopes: ["can_view_record", "can_create_record"], status: "active" });
    expect(new Date(body.expires_at as string).toISOString()).toBe(expiresAt);
    const row = await t.database.db.selectFrom("api_keys").select("key_hash").where("id", "=", id).executeTakeFirstOrThrow();
    expect(row.key_hash).toBe(hashSecretToken(key));

    const disabled = await update(id, t.as(workspace.owner, workspace), { is_active: false, expires_at: null });
    expect(await disabled.json()).toMatchObject({ is_active: false, status: "disabled", expires_at: null, name: "renamed" });
    expect(await apiKeyProbeStatus(t, key)).toBe(401);
  });
});

describe("updateApiKey: error", () => {
  it.each([
    [{ name: "" }],
    [{ scopes: ["can_fly_rocket"] }],
    [{ scopes: [] }],
    [{ expires_at: "2000-01-01T00:00:00Z" }],
    [{ key: "fos_live_mine" }],
  ])("answers 422 problem+json for %j", async (json) => {
    const { id } = await t.createApiKey(workspace);
    const res = await update(id, t.as(workspace.owner, workspace), json);
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toMatch(/problem\+json/);
  });

  it("answers 409 for a revoked key and 404 for an unknown one", async () => {
    const { id } = await t.createApiKey(workspace, { revoked: true });
    expect((await update(id, t.as(workspace.owner, workspace), { is_active: true })).status).toBe(409);
    expect((await update(newId(), t.as(workspace.owner, workspace), { name: "x" })).status).toBe(404);
  });
});

describe("updateApiKey: security", () => {
  it("answers 401 without credentials", async () => {
    const { id } = await t.createApiKey(workspace);
    expect((await update(id, { "x-workspace-id": workspace.id }, { name: "x" })).status).toBe(401);
  });

  it("answers 404 for another workspace's key", async () => {
    const other = await t.createWorkspace();
    const { id } = await t.createApiKey(workspace);
    expect((await update(id, t.as(other.owner, other), { name: "stolen" })).status).toBe(404);
    const row = await t.database.db.selectFrom("api_keys").select("name").where("id", "=", id).executeTakeFirstOrThrow();
    expect(row.name).toBe("test key");
  });

  it.each([
    ["admin", 200],
    ["member", 403],
    ["viewer", 403],
  ] as const)("role %s gets %i", async (role, status) => {
    const user = await t.addMember(workspace, role);
    const { id } = await t.createApiKey(workspace);
    expect((await update(id, t.as(user, workspace), { name: "by role" })).status).toBe(status);
  });
});
