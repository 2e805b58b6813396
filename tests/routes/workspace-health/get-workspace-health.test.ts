import { beforeAll, describe, expect, it } from "vitest";
import { tenantMigrations } from "../../../adapters/postgres/migrations/tenant/index.ts";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { makeSchemaBehind } from "./workspace-health-helpers.ts";

// GET /api/v1/workspace-health (getWorkspaceHealth)
let t: TestApp;
let workspace: TestWorkspace;
const latest = tenantMigrations.at(-1)!.name;
beforeAll(async () => {
  t = await sharedTestApp();
  workspace = await t.createWorkspace();
});

describe("getWorkspaceHealth: happy", () => {
  it("reports an up-to-date workspace with its module flags and counts (200)", async () => {
    await t.addMember(workspace, "member");
    await t.createApiKey(workspace);
    await t.createApiKey(workspace, { revoked: true });
    await t.request("/api/v1/modules/crm/toggle", { method: "POST", headers: t.as(workspace.owner, workspace) });
    const res = await t.request("/api/v1/workspace-health", { headers: t.as(workspace.owner, workspace) });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown> & { modules: Record<string, boolean> };
    expect(body).toMatchObject({
      workspace_id: workspace.id,
      migration_required: false,
      schema: { current: latest, latest, behind: false },
      counts: { members: 2, active_api_keys: 1 },
    });
    expect(body.modules).toMatchObject({ crm: false, maps: true, lms: false });
  });

  it("still answers while the schema is behind: 503 problem+json carrying the flags", async () => {
    const behind = await t.createWorkspace();
    await makeSchemaBehind(t, behind);
    const res = await t.request("/api/v1/workspace-health", { headers: t.as(behind.owner, behind) });
    expect(res.status).toBe(503);
    expect(res.headers.get("content-type")).toMatch(/problem\+json/);
    const body = (await res.json()) as Record<string, unknown> & { schema: { current: string; latest: string } };
    expect(body).toMatchObject({ code: "migration_required", migration_required: true, modules: null, schema: { latest, behind: true } });
    expect(body.schema.current).not.toBe(latest);
    // Ordinary routes stay behind the 503 guard.
    expect((await t.request("/api/v1/modules", { headers: t.as(behind.owner, behind) })).status).toBe(503);
  });
});

describe("getWorkspaceHealth: error", () => {
  it("answers 422 problem+json for a malformed workspace header", async () => {
    const res = await t.request("/api/v1/workspace-health", { headers: { ...t.as(workspace.owner), "x-workspace-id": "nope" } });
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toMatch(/problem\+json/);
  });
});

describe("getWorkspaceHealth: security", () => {
  it("answers 401 without credentials", async () => {
    expect((await t.request("/api/v1/workspace-health", { headers: { "x-workspace-id": workspace.id } })).status).toBe(401);
  });

  it("answers 404 for a workspace the caller is not in, even a behind one", async () => {
    const other = await t.createWorkspace();
    const behind = await t.createWorkspace();
    await makeSchemaBehind(t, behind);
    expect((await t.request("/api/v1/workspace-health", { headers: t.as(other.owner, workspace) })).status).toBe(404);
    expect((await t.request("/api/v1/workspace-health", { headers: t.as(other.owner, behind) })).status).toBe(404);
  });

  it.each(["admin", "member", "viewer"] as const)("role %s may read it", async (role) => {
    const user = await t.addMember(workspace, role);
    expect((await t.request("/api/v1/workspace-health", { headers: t.as(user, workspace) })).status).toBe(200);
  });
});
