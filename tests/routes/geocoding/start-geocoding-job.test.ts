import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { expectProblem, makeRecordset, memberWith, type RecordsetJson } from "../records/record-test-helpers.ts";
import { addressRecordset, runGeocoding } from "./geocoding-test-helpers.ts";

// POST /api/v1/recordsets/geocode (startGeocodingJob)
let t: TestApp;
let ws: TestWorkspace;
let rs: RecordsetJson;
beforeAll(async () => {
  t = await sharedTestApp();
  ws = await t.createWorkspace();
  rs = await addressRecordset(t, ws);
});

const start = (json: unknown, headers = t.as(ws.owner, ws)) => t.request("/api/v1/recordsets/geocode", { method: "POST", headers, json });

describe("startGeocodingJob: happy", () => {
  it("queues a job that geocodes the records without coordinates into a new location field (offline gazetteer)", async () => {
    const res = await start({ recordset_id: rs.id, address_fields: ["city", "country"] });
    expect(res.status).toBe(200);
    const started = await res.json();
    expect(started).toMatchObject({ recordset_id: rs.id, status: "pending", target: { kind: "lat_lng", field: "location" }, stream_url: `/api/v1/recordsets/geocode/jobs/${started.job_id}/stream` });

    const schema = await (await t.request(`/api/v1/recordsets/${rs.slug}`, { headers: t.as(ws.owner, ws) })).json();
    expect(schema.gis_source).toMatchObject({ kind: "lat_lng", field: "location" });

    await runGeocoding(t, started.job_id);
    const job = await (await t.request(`/api/v1/recordsets/geocode/jobs/${started.job_id}`, { headers: t.as(ws.owner, ws) })).json();
    expect(job).toMatchObject({ status: "completed", job_type: "geocode", progress: { processed: 3, imported: 2, rejected: 1 }, summary: { geocoded: 2, not_found: 1 } });

    const list = await (await t.request(`/api/v1/records?recordset_id=${rs.id}&page_size=10`, { headers: t.as(ws.owner, ws) })).json();
    const hq = list.items.find((r: { title: string }) => r.title === "HQ");
    expect(hq.field_values.location.lat).toBeCloseTo(48.85, 1);
    expect(hq.field_values.location.lng).toBeCloseTo(2.35, 1);
    expect(hq.geometry.type).toBe("Point");
    expect(hq.version).toBe(2);
    expect(list.items.find((r: { title: string }) => r.title === "Ghost").geometry).toBeNull();
  });

  it("lets a member with can_edit start one, into two number fields", async () => {
    const other = await makeRecordset(t, ws, [{ name: "Name", type: "text" }, { name: "Town", type: "text" }, { name: "Lat", type: "number" }, { name: "Lng", type: "number" }]);
    const editor = await memberWith(t, ws, other, ["can_view", "can_edit"]);
    const res = await start({ recordset_id: other.id, address_fields: ["town"], lat_field: "lat", lng_field: "lng" }, t.as(editor, ws));
    expect(res.status).toBe(200);
    expect((await res.json()).target).toEqual({ kind: "lat_lng_fields", lat_field: "lat", lng_field: "lng" });
  });
});

describe("startGeocodingJob: error", () => {
  it("answers 422 for unknown or non-text address fields and bad targets", async () => {
    expect(JSON.stringify(await expectProblem(await start({ recordset_id: rs.id, address_fields: ["nope"] }), 422))).toContain("nope");
    expect(JSON.stringify(await expectProblem(await start({ recordset_id: rs.id, address_fields: ["visits"] }), 422))).toContain("visits");
    await expectProblem(await start({ recordset_id: rs.id, address_fields: [] }), 422);
    await expectProblem(await start({ recordset_id: rs.id, address_fields: ["city"], lat_field: "visits" }), 422);
    await expectProblem(await start({ recordset_id: rs.id, address_fields: ["city"], lat_field: "city", lng_field: "country" }), 422);
    await expectProblem(await start({ address_fields: ["city"] }), 422);
  });

  it("answers 422 when the recordset's geometry comes from a geometry field", async () => {
    const shapes = await makeRecordset(t, ws, [{ name: "Name", type: "text" }, { name: "Area", type: "geometry" }]);
    await expectProblem(await start({ recordset_id: shapes.id, address_fields: ["name"] }), 422);
  });
});

describe("startGeocodingJob: security", () => {
  it("answers 401 without credentials", async () => {
    expect((await start({ recordset_id: rs.id, address_fields: ["city"] }, { "x-workspace-id": ws.id })).status).toBe(401);
  });

  it("answers 404 for another workspace's recordset", async () => {
    const other = await t.createWorkspace();
    const foreign = await makeRecordset(t, other);
    await expectProblem(await start({ recordset_id: foreign.id, address_fields: ["name"] }), 404);
  });

  it("answers 403 without can_edit, and to a viewer", async () => {
    const reader = await memberWith(t, ws, rs, ["can_view"]);
    await expectProblem(await start({ recordset_id: rs.id, address_fields: ["city"] }, t.as(reader, ws)), 403);
    const viewer = await memberWith(t, ws, rs, ["can_view", "can_edit"], "viewer");
    await expectProblem(await start({ recordset_id: rs.id, address_fields: ["city"] }, t.as(viewer, ws)), 403);
  });
});
