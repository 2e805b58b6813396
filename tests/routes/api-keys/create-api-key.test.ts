import { beforeAll, describe, expect, it } from "vitest";
import { hashSecretToken } from "../../../core/auth/secret-token.ts";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";

// POST /api/v1/api-keys (createApiKey)
let t: TestApp;
let workspace: TestWorkspace;
beforeAll(async () => {
  t = await sharedTestApp();
  workspace = await t.createWorkspace();
});

const create = (headers: Record<string, string>, json: unknown) => t.request("/api/v1/api-keys", { method: "POST", headers, json });

describe("createApiKey: happy", () => {
  it("returns the full key once, stores only its SHA-256, and the key authenticates", async () => {
    const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
    const res = await create(t.as(workspace.owner, workspace), { name: "CI", scopes: ["can_view_record"], expires_at: expiresAt });
    expect(res.status).toBe(201);
    const body = (await res.json()) as Record<string, unknown> & { key: string; id: string };
    expect(body.key).toMatch(/^fos_live_[A-Za-z0-9_-]{43}$/);
    expect(body).toMatchObject({ name: "CI", scopes: ["can_view_record"], status: "active", prefix: body.key.slice(0, 12), created_by: workspace.owner.id });
    expect(new Date(body.expires_at as string).toISOString()).toBe(expiresAt);

    const row = await t.database.db.selectFrom("api_keys").selectAll().where("id", "=", body.id).executeTakeFirstOrThrow();
    expect(row.key_hash).toBe(hashSecretToken(body.key));
    expect(JSON.stringify(row)).not.toContain(body.key);
    expect(await t.services.authDirectory.findApiKeyByHash(hashSecretToken(body.key))).toMatchObject({ id: body.id });

    const read = (await (await t.request(`/api/v1/api-keys/${body.id}`, { headers: t.as(workspace.owner, workspace) })).json()) as Record<string, unknown>;
    expect(read).not.toHaveProperty("key");
  });

  it('defaults scopes to ["*"]', async () => {
    const body = (await (await create(t.as(workspace.owner, workspace), { name: "all" })).json()) as { scopes: string[] };
    expect(body.scopes).toEqual(["*"]);
  });
});

describe("createApiKey: error", () => {
  it.each([
    [{}, "missing name"],
    [{ name: "" }, "empty name"],
    [{ name: "x", scopes: [] }, "empty scopes"],
    [{ name: "x", scopes: ["can_fly_rocket"] }, "unknown scope"],
    [{ name: "x", expires_at: "2001-01-01T00:00:00Z" }, "past expiry"],
    [{ name: "x", expires_at: "tomorrow" }, "malformed expiry"],
  ] as Array<[unknown, string]>)("answers 422 problem+json for %j (%s)", async (json) => {
    const res = await create(t.as(workspace.owner, workspace), json);
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toMatch(/problem\+json/);
  });

  it("names the unknown scopes", async () => {
    const res = await create(t.as(workspace.owner, workspace), { name: "x", scopes: ["can_view_record", "can_fly_rocket"] });
    expect(((await res.json()) as { detail: string }).detail).toContain("can_fly_rocket");
  });
});

describe("createApiKey: security", () => {
  it("answers 401 without credentials", async () => {
    expect((await create({ "x-workspace-id": workspace.id }, { name: "x" })).status).toBe(401);
  });

  it("answers 404 for a workspace the caller is not in", async () => {
    const other = await t.createWorkspace();
    expect((await create(t.as(other.owner, workspace), { name: "x" })).status).toBe(404);
  });

  it.each([
    ["admin", 201],
    ["member", 403],
    ["viewer", 403],
  ] as const)("role %s gets %i", async (role, status) => {
    const user = await t.addMember(workspace, role);
    expect((await create(t.as(user, workspace), { name: "x" })).status).toBe(status);
  });
});
