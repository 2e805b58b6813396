import { beforeAll, describe, expect, it } from "vitest";
import { newId } from "../../../core/ids.ts";
import { apiKeyProbeStatus, itAnswers401WithoutCredentials, itChecksKeyActionRoles } from "./api-key-probe.ts";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";

// POST /api/v1/api-keys/{api_key_id}/revoke (revokeApiKey)
let t: TestApp;
let workspace: TestWorkspace;
beforeAll(async () => {
  t = await sharedTestApp();
  workspace = await t.createWorkspace();
});

const ctx = () => ({ t, workspace });
const revoke = (id: string, headers: Record<string, string>) => t.request(`/api/v1/api-keys/${id}/revoke`, { method: "POST", headers });

describe("revokeApiKey: happy", () => {
  it("revokes for good: the record stays, the key answers 401", async () => {
    const { id, key } = await t.createApiKey(workspace);
    expect(await apiKeyProbeStatus(t, key)).toBe(200);
    const res = await revoke(id, t.as(workspace.owner, workspace));
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ id, status: "revoked", is_revoked: true, is_active: false });
    expect(body.revoked_at).toEqual(expect.any(String));
    expect((await t.request(`/api/v1/api-keys/${id}`, { headers: t.as(workspace.owner, workspace) })).status).toBe(200);
    expect(await apiKeyProbeStatus(t, key)).toBe(401);
  });
});

describe("revokeApiKey: error", () => {
  it("answers 409 for a key already revoked, 404 for an unknown id, 422 for a malformed one", async () => {
    const { id } = await t.createApiKey(workspace, { revoked: true });
    const res = await revoke(id, t.as(workspace.owner, workspace));
    expect(res.status).toBe(409);
    expect(res.headers.get("content-type")).toMatch(/problem\+json/);
    expect((await revoke(newId(), t.as(workspace.owner, workspace))).status).toBe(404);
    expect((await revoke("nope", t.as(workspace.owner, workspace))).status).toBe(422);
  });
});

describe("revokeApiKey: security", () => {
  itAnswers401WithoutCredentials(ctx, revoke);

  it("answers 404 for another workspace's key and leaves it alone", async () => {
    const other = await t.createWorkspace();
    const { id } = await t.createApiKey(workspace);
    expect((await revoke(id, t.as(other.owner, other))).status).toBe(404);
    const row = await t.database.db.selectFrom("api_keys").select("revoked_at").where("id", "=", id).executeTakeFirstOrThrow();
    expect(row.revoked_at).toBeNull();
  });

  itChecksKeyActionRoles(ctx, revoke);
});
