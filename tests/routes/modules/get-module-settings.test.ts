import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";

// GET /api/v1/modules/{module} (getModuleSettings)
let t: TestApp;
let workspace: TestWorkspace;
beforeAll(async () => {
  t = await sharedTestApp();
  workspace = await t.createWorkspace();
});

describe("getModuleSettings: happy", () => {
  it("returns defaults before configuration and the stored settings after", async () => {
    const before = await t.request("/api/v1/modules/ai", { headers: t.as(workspace.owner, workspace) });
    expect(before.status).toBe(200);
    expect(await before.json()).toMatchObject({ module: "ai", label: "AI assistant", enabled: true, configured: false, settings: {}, updated_at: null });
    await t.request("/api/v1/modules", {
      method: "POST",
      headers: t.as(workspace.owner, workspace),
      json: { module: "ai", settings: { provider: "offline" } },
    });
    const after = (await (await t.request("/api/v1/modules/ai", { headers: t.as(workspace.owner, workspace) })).json()) as Record<string, unknown>;
    expect(after).toMatchObject({ configured: true, settings: { provider: "offline" }, updated_by: workspace.owner.id });
    expect(after.updated_at).toEqual(expect.any(String));
  });
});

describe("getModuleSettings: error", () => {
  it("answers 404 problem+json for an unknown module", async () => {
    const res = await t.request("/api/v1/modules/teleporter", { headers: t.as(workspace.owner, workspace) });
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toMatch(/problem\+json/);
  });
});

describe("getModuleSettings: security", () => {
  it("answers 401 without credentials", async () => {
    expect((await t.request("/api/v1/modules/crm", { headers: { "x-workspace-id": workspace.id } })).status).toBe(401);
  });

  it("answers 404 for a workspace the caller is not in", async () => {
    const other = await t.createWorkspace();
    expect((await t.request("/api/v1/modules/crm", { headers: t.as(other.owner, workspace) })).status).toBe(404);
  });

  it.each(["admin", "member", "viewer"] as const)("role %s may read it", async (role) => {
    const user = await t.addMember(workspace, role);
    expect((await t.request("/api/v1/modules/crm", { headers: t.as(user, workspace) })).status).toBe(200);
  });
});
