import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { expectProblem } from "./recordset-admin-test-helpers.ts";
import { grant, makeRecordset, unknownId } from "./recordset-test-helpers.ts";

// POST /api/v1/recordsets/{recordset_id}/enable-map (enableRecordsetMapMode)
let t: TestApp;
let ws: TestWorkspace;
beforeAll(async () => {
  t = await sharedTestApp();
  ws = await t.createWorkspace();
});

const enable = (id: string, headers: Record<string, string>, json: unknown) => t.request(`/api/v1/recordsets/${id}/enable-map`, { method: "POST", headers, json });
const coordinates = [
  { name: "Name", type: "text" },
  { name: "Lat", type: "number" },
  { name: "Lng", type: "number" },
  { name: "Spot", type: "lat_lng" },
  { name: "Stage", type: "select", options: [{ value: "new" }] },
];

describe("enableRecordsetMapMode: happy", () => {
  it("stores the mapping, switches to map mode and queues the backfill job", async () => {
    const rs = await makeRecordset(t, ws, coordinates, { gis_source: null, mode: "table" });
    const res = await enable(rs.id, t.as(ws.owner, ws), { lat_field: "lat", lng_field: "lng" });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ type: "recordsets.gis-backfill", status: "queued", progress: 0, recordset_id: rs.id, mode: "map", gis_source: { kind: "lat_lng_fields", lat_field: "lat", lng_field: "lng" } });
    const job = await t.services.jobs.get(body.job_id, { workspaceId: ws.id });
    expect(job).toMatchObject({ status: "queued", createdBy: ws.owner.id, payload: { recordset_id: rs.id, schema_name: ws.schemaName } });
    const stored = await t.services.recordsets.find({ id: ws.id, schemaName: ws.schemaName }, rs.id);
    expect(stored).toMatchObject({ mode: "map", gis: { kind: "lat_lng_fields", latField: "lat", lngField: "lng" } });
  });

  it("accepts a single lat_lng field", async () => {
    const rs = await makeRecordset(t, ws, coordinates, { gis_source: null, mode: "table" });
    const body = await (await enable(rs.id, t.as(ws.owner, ws), { field: "spot" })).json();
    expect(body.gis_source).toEqual({ kind: "lat_lng", field: "spot" });
  });
});

describe("enableRecordsetMapMode: error", () => {
  it.each([
    ["an empty body", {}],
    ["a lat field alone", { lat_field: "lat" }],
    ["both shapes at once", { field: "spot", lat_field: "lat", lng_field: "lng" }],
    ["an unknown field", { field: "nope" }],
    ["a field that holds no coordinates", { field: "stage" }],
    ["lat/lng fields that are not numbers", { lat_field: "name", lng_field: "lng" }],
  ])("answers 422 problem+json for %s, and queues nothing", async (_, json) => {
    const rs = await makeRecordset(t, ws, coordinates, { gis_source: null, mode: "table" });
    await expectProblem(await enable(rs.id, t.as(ws.owner, ws), json), 422);
    const stored = await t.services.recordsets.find({ id: ws.id, schemaName: ws.schemaName }, rs.id);
    expect(stored?.mode).toBe("table");
  });

  it("answers 422 for a malformed id and 404 for an unknown recordset", async () => {
    await expectProblem(await enable("not-a-uuid", t.as(ws.owner, ws), { field: "spot" }), 422);
    await expectProblem(await enable(unknownId, t.as(ws.owner, ws), { field: "spot" }), 404);
  });
});

describe("enableRecordsetMapMode: security", () => {
  it("answers 401 without credentials", async () => {
    const rs = await makeRecordset(t, ws, coordinates);
    await expectProblem(await enable(rs.id, { "x-workspace-id": ws.id }, { field: "spot" }), 401);
  });

  it("answers 404 for another workspace's recordset", async () => {
    const foreign = await makeRecordset(t, await t.createWorkspace(), coordinates);
    await expectProblem(await enable(foreign.id, t.as(ws.owner, ws), { field: "spot" }), 404);
  });

  it("needs can_admin: 403 for an editor, 200 for a member granted can_admin", async () => {
    const rs = await makeRecordset(t, ws, coordinates);
    const editor = await t.addMember(ws, "member");
    const manager = await t.addMember(ws, "member");
    await grant(t, ws, rs.slug, { member_id: editor.id, flags: ["can_view", "can_edit", "can_delete"] });
    await grant(t, ws, rs.slug, { member_id: manager.id, flags: ["can_admin"] });
    await expectProblem(await enable(rs.id, t.as(editor, ws), { field: "spot" }), 403);
    expect((await enable(rs.id, t.as(manager, ws), { field: "spot" })).status).toBe(200);
  });
});
