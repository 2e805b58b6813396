import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { onlyAdminGets } from "./module-test-helpers.ts";

// POST /api/v1/modules (createModuleSettings)
let t: TestApp;
let workspace: TestWorkspace;
beforeAll(async () => {
  t = await sharedTestApp();
  workspace = await t.createWorkspace();
});

const create = (headers: Record<string, string>, json: unknown) => t.request("/api/v1/modules", { method: "POST", headers, json });

describe("createModuleSettings: happy", () => {
  it("stores a module's first configuration (201)", async () => {
    const res = await create(t.as(workspace.owner, workspace), {
      module: "maps",
      enabled: true,
      settings: { default_basemap: "satellite", default_center: { lat: 52.5, lng: 13.4 }, default_zoom: 9 },
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({
      module: "maps",
      enabled: true,
      configured: true,
      settings: { default_basemap: "satellite", default_center: { lat: 52.5, lng: 13.4 }, default_zoom: 9 },
    });
  });

  it("uses the module's defaults when enabled and settings are omitted", async () => {
    const res = await create(t.as(workspace.owner, workspace), { module: "lms" });
    expect(await res.json()).toMatchObject({ module: "lms", enabled: false, settings: {} });
  });
});

describe("createModuleSettings: error", () => {
  it("answers 409 when the module is already configured", async () => {
    await create(t.as(workspace.owner, workspace), { module: "chat" });
    const res = await create(t.as(workspace.owner, workspace), { module: "chat", enabled: false });
    expect(res.status).toBe(409);
    expect(res.headers.get("content-type")).toMatch(/problem\+json/);
  });

  it.each([
    [{ module: "teleporter" }],
    [{}],
    [{ module: "maps", settings: { default_zoom: 99 } }],
    [{ module: "crm", settings: { default_currency: "euro" } }],
    [{ module: "meetings", settings: { surprise: true } }],
    [{ module: "crm", settings: "none" }],
  ])("answers 422 problem+json for %j", async (json) => {
    const res = await create(t.as(workspace.owner, workspace), json);
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toMatch(/problem\+json/);
  });

  it("names the invalid settings fields", async () => {
    const res = await create(t.as(workspace.owner, workspace), { module: "ai", settings: { provider: "skynet", extra: 1 } });
    const fields = ((await res.json()) as { errors: Array<{ field: string }> }).errors.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(["settings.provider", "settings"]));
  });
});

describe("createModuleSettings: security", () => {
  it("answers 401 without credentials", async () => {
    expect((await create({ "x-workspace-id": workspace.id }, { module: "crm" })).status).toBe(401);
  });

  it("answers 404 for a workspace the caller is not in", async () => {
    const other = await t.createWorkspace();
    expect((await create(t.as(other.owner, workspace), { module: "crm" })).status).toBe(404);
  });

  it.each(onlyAdminGets(201))("role %s gets %i", async (role, status) => {
    const ws = await t.createWorkspace();
    const user = await t.addMember(ws, role);
    expect((await create(t.as(user, ws), { module: "documents" })).status).toBe(status);
  });
});
