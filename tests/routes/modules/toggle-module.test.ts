import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { onlyAdminGets } from "./module-test-helpers.ts";

// POST /api/v1/modules/{module}/toggle (toggleModule)
let t: TestApp;
let workspace: TestWorkspace;
beforeAll(async () => {
  t = await sharedTestApp();
  workspace = await t.createWorkspace();
});

const toggle = (module: string, headers: Record<string, string>) => t.request(`/api/v1/modules/${module}/toggle`, { method: "POST", headers });

describe("toggleModule: happy", () => {
  it("flips the switch from its default and back, keeping settings", async () => {
    await t.request("/api/v1/modules/analytics", {
      method: "PUT",
      headers: t.as(workspace.owner, workspace),
      json: { settings: { week_starts_on: "sunday" } },
    });
    const off = await toggle("analytics", t.as(workspace.owner, workspace));
    expect(off.status).toBe(200);
    expect(await off.json()).toMatchObject({ module: "analytics", enabled: false, settings: { week_starts_on: "sunday" } });
    expect(await (await toggle("analytics", t.as(workspace.owner, workspace))).json()).toMatchObject({ enabled: true });
    // lms is off by default: the first toggle turns it on.
    expect(await (await toggle("lms", t.as(workspace.owner, workspace))).json()).toMatchObject({ enabled: true, configured: true });
  });

  it("two toggles at once leave the module where it started", async () => {
    const ws = await t.createWorkspace();
    await Promise.all([toggle("channels", t.as(ws.owner, ws)), toggle("channels", t.as(ws.owner, ws))]);
    const now = (await (await t.request("/api/v1/modules/channels", { headers: t.as(ws.owner, ws) })).json()) as { enabled: boolean };
    expect(now.enabled).toBe(true);
  });
});

describe("toggleModule: error", () => {
  it("answers 404 problem+json for an unknown module", async () => {
    const res = await toggle("teleporter", t.as(workspace.owner, workspace));
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toMatch(/problem\+json/);
  });
});

describe("toggleModule: security", () => {
  it("answers 401 without credentials", async () => {
    expect((await toggle("crm", { "x-workspace-id": workspace.id })).status).toBe(401);
  });

  it("answers 404 for a workspace the caller is not in, and leaves it alone", async () => {
    const other = await t.createWorkspace();
    const ws = await t.createWorkspace();
    expect((await toggle("crm", t.as(other.owner, ws))).status).toBe(404);
    expect(await (await t.request("/api/v1/modules/crm", { headers: t.as(ws.owner, ws) })).json()).toMatchObject({ enabled: true, configured: false });
  });

  it.each(onlyAdminGets(200))("role %s gets %i", async (role, status) => {
    const user = await t.addMember(workspace, role);
    expect((await toggle("pipelines", t.as(user, workspace))).status).toBe(status);
  });
});
