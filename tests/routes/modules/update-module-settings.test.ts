import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { onlyAdminGets } from "./module-test-helpers.ts";

// PUT /api/v1/modules/{module} (updateModuleSettings)
let t: TestApp;
let workspace: TestWorkspace;
beforeAll(async () => {
  t = await sharedTestApp();
  workspace = await t.createWorkspace();
});

const update = (module: string, headers: Record<string, string>, json: unknown) =>
  t.request(`/api/v1/modules/${module}`, { method: "PUT", headers, json });

describe("updateModuleSettings: happy", () => {
  it("replaces settings and switch; a module never configured starts from defaults", async () => {
    const first = await update("meetings", t.as(workspace.owner, workspace), { settings: { recording_enabled: true } });
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ module: "meetings", enabled: true, configured: true, settings: { recording_enabled: true } });
    const second = await update("meetings", t.as(workspace.owner, workspace), { enabled: false });
    expect(await second.json()).toMatchObject({ enabled: false, settings: { recording_enabled: true } });
    const third = await update("meetings", t.as(workspace.owner, workspace), { settings: { max_duration_minutes: 60 } });
    expect(await third.json()).toMatchObject({ enabled: false, settings: { max_duration_minutes: 60 } });
  });

  it("accepts any JSON object for modules without a settings schema", async () => {
    const res = await update("goals", t.as(workspace.owner, workspace), { settings: { cadence: "quarterly" } });
    expect(await res.json()).toMatchObject({ settings: { cadence: "quarterly" } });
  });
});

describe("updateModuleSettings: error", () => {
  it("answers 404 problem+json for an unknown module", async () => {
    const res = await update("teleporter", t.as(workspace.owner, workspace), { enabled: true });
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toMatch(/problem\+json/);
  });

  it.each([[{ settings: { max_duration_minutes: 1 } }], [{ enabled: "yes" }], [{ module: "crm" }]])("answers 422 for %j", async (json) => {
    const res = await update("meetings", t.as(workspace.owner, workspace), json);
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toMatch(/problem\+json/);
  });
});

describe("updateModuleSettings: security", () => {
  it("answers 401 without credentials", async () => {
    expect((await update("crm", { "x-workspace-id": workspace.id }, { enabled: false })).status).toBe(401);
  });

  it("answers 404 for a workspace the caller is not in", async () => {
    const other = await t.createWorkspace();
    expect((await update("crm", t.as(other.owner, workspace), { enabled: false })).status).toBe(404);
  });

  it.each(onlyAdminGets(200))("role %s gets %i", async (role, status) => {
    const user = await t.addMember(workspace, role);
    expect((await update("crm", t.as(user, workspace), { settings: { default_currency: "EUR" } })).status).toBe(status);
  });
});
