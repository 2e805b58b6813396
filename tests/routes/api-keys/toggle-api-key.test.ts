import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { apiKeyProbeStatus, itAnswers401WithoutCredentials, itAnswers404And422ForBadIds, itAnswers404ForAnotherWorkspacesKey, itChecksKeyActionRoles } from "./api-key-probe.ts";

// POST /api/v1/api-keys/{api_key_id}/toggle (toggleApiKey)
let t: TestApp;
let workspace: TestWorkspace;
beforeAll(async () => {
  t = await sharedTestApp();
  workspace = await t.createWorkspace();
});

const ctx = () => ({ t, workspace });
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

  itAnswers404And422ForBadIds(ctx, toggle);
});

describe("toggleApiKey: security", () => {
  itAnswers401WithoutCredentials(ctx, toggle);

  itAnswers404ForAnotherWorkspacesKey(ctx, toggle);

  itChecksKeyActionRoles(ctx, toggle);
});
