import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { apiKeyProbeStatus, itAnswers401WithoutCredentials, itAnswers404And422ForBadIds, itAnswers404ForAnotherWorkspacesKey, itChecksKeyActionRoles } from "./api-key-probe.ts";

// POST /api/v1/api-keys/{api_key_id}/rotate (rotateApiKey)
let t: TestApp;
let workspace: TestWorkspace;
beforeAll(async () => {
  t = await sharedTestApp();
  workspace = await t.createWorkspace();
});

const ctx = () => ({ t, workspace });
const rotate = (id: string, headers: Record<string, string>) => t.request(`/api/v1/api-keys/${id}/rotate`, { method: "POST", headers });

async function createKey(headers: Record<string, string>): Promise<{ id: string; key: string }> {
  const res = await t.request("/api/v1/api-keys", { method: "POST", headers, json: { name: "rotating", scopes: ["can_view_record"] } });
  return (await res.json()) as { id: string; key: string };
}

describe("rotateApiKey: happy", () => {
  it("issues a new key with the same settings and revokes the old one", async () => {
    const old = await createKey(t.as(workspace.owner, workspace));
    const res = await rotate(old.id, t.as(workspace.owner, workspace));
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown> & { id: string; key: string };
    expect(body).toMatchObject({ name: "rotating", scopes: ["can_view_record"], status: "active", replaces: old.id });
    expect(body.id).not.toBe(old.id);
    expect(body.key).toMatch(/^fos_live_/);
    expect(body.key).not.toBe(old.key);
    expect(await apiKeyProbeStatus(t, body.key)).toBe(200);
    expect(await apiKeyProbeStatus(t, old.key)).toBe(401);
    const oldRead = (await (await t.request(`/api/v1/api-keys/${old.id}`, { headers: t.as(workspace.owner, workspace) })).json()) as Record<string, unknown>;
    expect(oldRead.status).toBe("revoked");
  });
});

describe("rotateApiKey: error", () => {
  it("answers 409 for a revoked key and writes nothing", async () => {
    const { id } = await t.createApiKey(workspace, { revoked: true });
    const before = await t.database.db.selectFrom("api_keys").select(t.database.db.fn.countAll().as("n")).where("workspace_id", "=", workspace.id).executeTakeFirstOrThrow();
    const res = await rotate(id, t.as(workspace.owner, workspace));
    expect(res.status).toBe(409);
    expect(res.headers.get("content-type")).toMatch(/problem\+json/);
    const after = await t.database.db.selectFrom("api_keys").select(t.database.db.fn.countAll().as("n")).where("workspace_id", "=", workspace.id).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  itAnswers404And422ForBadIds(ctx, rotate);
});

describe("rotateApiKey: security", () => {
  itAnswers401WithoutCredentials(ctx, rotate);

  itAnswers404ForAnotherWorkspacesKey(ctx, rotate);

  itChecksKeyActionRoles(ctx, rotate);
});
