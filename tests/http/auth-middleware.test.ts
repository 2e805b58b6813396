import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { issueAccessToken } from "../../core/auth/access-token.ts";
import { endSession, refreshSession } from "../../core/auth/sessions.ts";
import { createTestApp, type TestApp, type TestWorkspace } from "../support/test-app.ts";
import { registerWithProbes } from "../support/probe-routes.ts";

let t: TestApp;
let workspace: TestWorkspace;
let other: TestWorkspace;

beforeAll(async () => {
  t = await createTestApp({ register: registerWithProbes });
  workspace = await t.createWorkspace();
  other = await t.createWorkspace();
});
afterAll(async () => t?.close());

async function problemOf(response: Response): Promise<{ status: number; code: string }> {
  expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  const body = (await response.json()) as { status: number; code: string };
  expect(body.status).toBe(response.status);
  return body;
}

describe("bearer access tokens (auth: user-global)", () => {
  it("accepts a valid token and sets the actor", async () => {
    const res = await t.request("/__probe/user-global", { headers: t.as(workspace.owner) });
    expect(res.status).toBe(200);
    const { actor } = (await res.json()) as { actor: { kind: string; userId: string } };
    expect(actor).toMatchObject({ kind: "user", userId: workspace.owner.id });
  });

  it("answers 401 problem+json without credentials", async () => {
    const res = await t.request("/__probe/user-global");
    expect(res.status).toBe(401);
    expect((await problemOf(res)).code).toBe("unauthenticated");
  });

  it("refuses forged, expired and malformed tokens", async () => {
    const forged = issueAccessToken("another-secret".padEnd(40, "x"), { sub: workspace.owner.id, sid: workspace.owner.tokens.session_id, typ: "access" }, 900, new Date(), "j");
    const expired = issueAccessToken(t.services.secrets.jwt, { sub: workspace.owner.id, sid: workspace.owner.tokens.session_id, typ: "access" }, 60, new Date(Date.now() - 3600_000), "j");
    for (const [token, code] of [
      [forged.token, "invalid_token"],
      [expired.token, "token_expired"],
      ["garbage", "invalid_token"],
    ] as const) {
      const res = await t.request("/__probe/user-global", { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(401);
      expect((await problemOf(res)).code).toBe(code);
    }
  });

  it("stops accepting a token once its session is ended (logout)", async () => {
    const user = await t.createUser();
    expect((await t.request("/__probe/user-global", { headers: t.as(user) })).status).toBe(200);
    await endSession(t.services, user.tokens.session_id);
    const res = await t.request("/__probe/user-global", { headers: t.as(user) });
    expect(res.status).toBe(401);
    expect((await problemOf(res)).code).toBe("session_revoked");
  });

  it("refuses a deactivated account", async () => {
    const user = await t.createUser({ isActive: false });
    const res = await t.request("/__probe/user-global", { headers: t.as(user) });
    expect(res.status).toBe(401);
    expect((await problemOf(res)).code).toBe("account_inactive");
  });
});

describe("refresh token rotation", () => {
  const deps = () => ({
    refreshTokens: t.services.refreshTokens,
    now: t.services.now,
    jwtSecret: t.services.secrets.jwt,
    accessTokenTtlSeconds: 900,
    refreshTokenTtlDays: 30,
  });

  it("rotates: the new pair works, the old refresh token is spent", async () => {
    const user = await t.createUser();
    const next = await refreshSession(deps(), user.tokens.refresh_token);
    expect(next.refresh_token).not.toBe(user.tokens.refresh_token);
    expect(next.session_id).toBe(user.tokens.session_id);
    const res = await t.request("/__probe/user-global", { headers: { authorization: `Bearer ${next.access_token}` } });
    expect(res.status).toBe(200);
  });

  it("revokes the whole family when a spent refresh token is reused", async () => {
    const user = await t.createUser();
    const next = await refreshSession(deps(), user.tokens.refresh_token);
    await expect(refreshSession(deps(), user.tokens.refresh_token)).rejects.toMatchObject({ code: "refresh_token_reused" });
    await expect(refreshSession(deps(), next.refresh_token)).rejects.toMatchObject({ code: "refresh_token_reused" });
    const res = await t.request("/__probe/user-global", { headers: { authorization: `Bearer ${next.access_token}` } });
    expect(res.status).toBe(401);
  });

  it("lets only one of two concurrent refreshes win", async () => {
    const user = await t.createUser();
    const results = await Promise.allSettled([
      refreshSession(deps(), user.tokens.refresh_token),
      refreshSession(deps(), user.tokens.refresh_token),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });

  it("refuses an unknown refresh token", async () => {
    await expect(refreshSession(deps(), "nope")).rejects.toMatchObject({ code: "invalid_refresh_token" });
  });
});

describe("workspace membership (auth: user)", () => {
  it("sets the workspace and role for a member", async () => {
    const viewer = await t.addMember(workspace, "viewer");
    const res = await t.request("/__probe/user", { headers: t.as(viewer, workspace) });
    expect(res.status).toBe(200);
    const { actor } = (await res.json()) as { actor: { workspace: { id: string; role: string; schemaName: string } } };
    expect(actor.workspace).toEqual({ id: workspace.id, role: "viewer", schemaName: workspace.schemaName });
  });

  it("answers 422 when the header is missing or not a UUID", async () => {
    const missing = await t.request("/__probe/user", { headers: t.as(workspace.owner) });
    expect(missing.status).toBe(422);
    const bad = await t.request("/__probe/user", { headers: { ...t.as(workspace.owner), "x-workspace-id": "abc" } });
    expect(bad.status).toBe(422);
  });

  it("answers 404 for a workspace the caller is not a member of", async () => {
    const res = await t.request("/__probe/user", { headers: t.as(workspace.owner, other) });
    expect(res.status).toBe(404);
    expect((await problemOf(res)).code).toBe("not_found");
  });

  it("answers 401 before looking at the workspace", async () => {
    const res = await t.request("/__probe/user", { headers: { "x-workspace-id": workspace.id } });
    expect(res.status).toBe(401);
  });

  it("answers 503 migration_required while the tenant schema is behind", async () => {
    const behind = await t.createWorkspace();
    await sql`delete from ${sql.id(behind.schemaName, "schema_migrations")}`.execute(t.database.db);
    const res = await t.request("/__probe/user", { headers: t.as(behind.owner, behind) });
    expect(res.status).toBe(503);
    expect((await problemOf(res)).code).toBe("migration_required");
  });
});

describe("API keys (auth: api-key)", () => {
  it("authenticates a live key as its workspace", async () => {
    const { id, key } = await t.createApiKey(workspace);
    const res = await t.request("/__probe/api-key", { headers: { "x-api-key": key } });
    expect(res.status).toBe(200);
    const { actor } = (await res.json()) as { actor: { kind: string; apiKeyId: string; workspace: { id: string } } };
    expect(actor).toMatchObject({ kind: "api-key", apiKeyId: id, workspace: { id: workspace.id } });
    const row = await t.database.db.selectFrom("api_keys").select("last_used_at").where("id", "=", id).executeTakeFirstOrThrow();
    expect(row.last_used_at).not.toBeNull();
  });

  it.each([
    ["revoked", { revoked: true }],
    ["disabled", { isActive: false }],
    ["expired", { expiresAt: new Date(Date.now() - 1000) }],
  ])("answers 401 for a %s key", async (_, options) => {
    const { key } = await t.createApiKey(workspace, options);
    const res = await t.request("/__probe/api-key", { headers: { "x-api-key": key } });
    expect(res.status).toBe(401);
    expect((await problemOf(res)).code).toBe("invalid_api_key");
  });

  it("answers 401 for a missing or unknown key", async () => {
    expect((await t.request("/__probe/api-key")).status).toBe(401);
    const res = await t.request("/__probe/api-key", { headers: { "x-api-key": "fos_live_unknown" } });
    expect(res.status).toBe(401);
  });
});
