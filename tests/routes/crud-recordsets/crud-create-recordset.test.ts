import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";

// POST /api/v1/crud/recordsets (crudCreateRecordset)
let t: TestApp;
let ws: TestWorkspace;
beforeAll(async () => {
  t = await sharedTestApp();
  ws = await t.createWorkspace();
});

const create = (headers: Record<string, string>, json: unknown) => t.request("/api/v1/crud/recordsets", { method: "POST", headers, json });

describe("crudCreateRecordset: happy", () => {
  it("creates a recordset with the given slug, type, schema and settings", async () => {
    const res = await create(t.as(ws.owner, ws), {
      name: "Zones",
      slug: "sales-zones",
      type: "territories",
      fields: [{ name: "Name", type: "text" }, { name: "Area", type: "geometry" }],
      settings: { default_zoom: 9 },
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({
      slug: "sales-zones",
      type: "territories",
      mode: "map",
      gis_source: { kind: "geometry", field: "area" },
      settings: { default_zoom: 9 },
      record_count: 0,
    });
  });
});

describe("crudCreateRecordset: error", () => {
  it.each([[{}], [{ name: "X", fields: "nope" }], [{ name: "X", slug: "UPPER" }], [{ name: "X", gis_source: { kind: "circle", field: "a" } }]])(
    "answers 422 problem+json for %j",
    async (json) => {
      const res = await create(t.as(ws.owner, ws), json);
      expect(res.status).toBe(422);
      expect(res.headers.get("content-type")).toMatch(/problem\+json/);
    },
  );
});

describe("crudCreateRecordset: security", () => {
  it("answers 401 without credentials and 404 in a workspace one is not a member of", async () => {
    const other = await t.createWorkspace();
    expect((await create({ "x-workspace-id": ws.id }, { name: "X" })).status).toBe(401);
    expect((await create(t.as(ws.owner, other), { name: "X" })).status).toBe(404);
  });

  it.each([
    ["admin", 201],
    ["member", 201],
    ["viewer", 403],
  ] as const)("role %s gets %i", async (role, status) => {
    const user = await t.addMember(ws, role);
    expect((await create(t.as(user, ws), { name: `By ${role}` })).status).toBe(status);
  });
});
