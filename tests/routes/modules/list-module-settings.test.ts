import { beforeAll, describe, expect, it } from "vitest";
import { moduleCatalog } from "../../../core/modules/module-catalog.ts";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";

// GET /api/v1/modules (listModuleSettings)
let t: TestApp;
let workspace: TestWorkspace;
beforeAll(async () => {
  t = await sharedTestApp();
  workspace = await t.createWorkspace();
});

type ModuleList = { items: Array<{ module: string; enabled: boolean; configured: boolean; settings: Record<string, unknown> }>; total: number };

describe("listModuleSettings: happy", () => {
  it("lists every known module, stored or on defaults", async () => {
    await t.request("/api/v1/modules", {
      method: "POST",
      headers: t.as(workspace.owner, workspace),
      json: { module: "maps", enabled: false, settings: { default_zoom: 4 } },
    });
    const res = await t.request("/api/v1/modules", { headers: t.as(workspace.owner, workspace) });
    expect(res.status).toBe(200);
    const body = (await res.json()) as ModuleList;
    expect(body.total).toBe(moduleCatalog.length);
    expect(body.items.find((m) => m.module === "maps")).toMatchObject({ enabled: false, configured: true, settings: { default_zoom: 4 } });
    expect(body.items.find((m) => m.module === "crm")).toMatchObject({ enabled: true, configured: false, settings: {} });
    expect(body.items.find((m) => m.module === "lms")).toMatchObject({ enabled: false, configured: false });
  });
});

describe("listModuleSettings: error", () => {
  it("answers 422 problem+json without a workspace header", async () => {
    const res = await t.request("/api/v1/modules", { headers: t.as(workspace.owner) });
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toMatch(/problem\+json/);
  });
});

describe("listModuleSettings: security", () => {
  it("answers 401 without credentials", async () => {
    expect((await t.request("/api/v1/modules", { headers: { "x-workspace-id": workspace.id } })).status).toBe(401);
  });

  it("answers 404 for a workspace the caller is not in, and never shows another workspace's settings", async () => {
    const other = await t.createWorkspace();
    expect((await t.request("/api/v1/modules", { headers: t.as(other.owner, workspace) })).status).toBe(404);
    const own = (await (await t.request("/api/v1/modules", { headers: t.as(other.owner, other) })).json()) as ModuleList;
    expect(own.items.find((m) => m.module === "maps")).toMatchObject({ enabled: true, configured: false });
  });

  it.each(["admin", "member", "viewer"] as const)("role %s may read module settings", async (role) => {
    const user = await t.addMember(workspace, role);
    expect((await t.request("/api/v1/modules", { headers: t.as(user, workspace) })).status).toBe(200);
  });
});
