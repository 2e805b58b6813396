import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../../core/auth/actor.ts";
import { createRecord } from "../../../core/records/create-record.ts";
import { listRecords } from "../../../core/records/list-records.ts";
import { updateRecord } from "../../../core/records/update-record.ts";
import { createRecordset } from "../../../core/recordsets/create-recordset.ts";
import type { RecordsetRecord } from "../../../core/recordsets/recordset-repository.ts";
import { actorOf, createTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";

// The records store end to end through the use-cases: schema validation, promoted columns,
// typed filters and sorts, versions, the map stream and the spatial filter, on PGlite or Postgres.
let t: TestApp;
let ws: TestWorkspace;
let actor: Actor;
let places: RecordsetRecord;
let zones: RecordsetRecord;

beforeAll(async () => {
  t = await createTestApp();
  ws = await t.createWorkspace();
  actor = actorOf(ws);
  places = await createRecordset(t.services, actor, {
    name: "Places",
    fields: [
      { name: "Name", type: "text", required: true },
      { name: "Revenue", type: "currency" },
      { name: "Opened", type: "date" },
      { name: "Stage", type: "select", options: [{ value: "new" }, { value: "won" }] },
      { name: "Location", type: "lat_lng" },
      { name: "Score", type: "number" },
      { name: "N4", type: "number" },
    ],
  });
  zones = await createRecordset(t.services, actor, { name: "Zones", fields: [{ name: "Name", type: "text" }, { name: "Income", type: "number" }, { name: "Area", type: "geometry" }] });
  const rows = [
    { name: "Alpha", revenue: 900, opened: "2024-01-05", stage: "new", location: { lat: 48.85, lng: 2.35 }, score: 2, n4: 10 },
    { name: "Beta", revenue: 10000, opened: "2023-06-01", stage: "won", location: { lat: 48.86, lng: 2.36 }, score: 10, n4: 9 },
    { name: "Gamma", revenue: 250, opened: "2024-03-10", stage: "won", location: { lat: 51.5, lng: -0.12 }, score: 1, n4: 100 },
  ];
  for (const values of rows) await createRecord(t.services, actor, { recordsetId: places.id, fieldValues: values });
  await createRecord(t.services, actor, {
    recordsetId: zones.id,
    fieldValues: { name: "Paris centre", income: 50000, area: { type: "Polygon", coordinates: [[[2.3, 48.8], [2.4, 48.8], [2.4, 48.9], [2.3, 48.9], [2.3, 48.8]]] } },
  });
});
afterAll(async () => t.close());

describe("records store", () => {
  it("gives a recordset a slug, promoted columns and a GIS source from its schema", () => {
    expect(places.slug).toBe("places");
    expect(places.promoted).toEqual({ text: ["name", "stage"], number: ["revenue", "score", "n4"], date: ["opened"] });
    expect(places.gis).toEqual({ kind: "lat_lng", field: "location" });
  });

  it("sorts numbers as numbers, promoted or not, and counts", async () => {
    const page = await listRecords(t.services, actor, { recordsetId: places.id, page: 1, pageSize: 10, sortBy: "revenue", sortOrder: "desc" });
    expect(page.items.map((r) => r.title)).toEqual(["Beta", "Alpha", "Gamma"]);
    expect(page.total).toBe(3);
    const byN4 = await listRecords(t.services, actor, { recordsetId: places.id, page: 1, pageSize: 10, sortBy: "n4" });
    expect(byN4.items.map((r) => r.title)).toEqual(["Beta", "Alpha", "Gamma"]);
  });

  it("filters by number, date, column and search", async () => {
    const list = (extra: object) => listRecords(t.services, actor, { recordsetId: places.id, page: 1, pageSize: 10, sortBy: "name", ...extra }).then((p) => p.items.map((r) => r.title));
    expect(await list({ numericFilters: JSON.stringify({ revenue: { gte: 500 } }) })).toEqual(["Alpha", "Beta"]);
    expect(await list({ numericFilters: JSON.stringify([{ field: "n4", op: "between", value: [9, 10] }]) })).toEqual(["Alpha", "Beta"]);
    expect(await list({ dateFilters: JSON.stringify({ opened: { after: "2024-01-05" } }) })).toEqual(["Gamma"]);
    expect(await list({ dateFilters: JSON.stringify([{ field: "opened", op: "on", value: "2024-01-05" }]) })).toEqual(["Alpha"]);
    expect(await list({ columnFilters: JSON.stringify({ stage: ["won"] }) })).toEqual(["Beta", "Gamma"]);
    expect(await list({ search: "gam" })).toEqual(["Gamma"]);
  });

  it("refuses unknown fields and operators with a 422 naming them", async () => {
    await expect(listRecords(t.services, actor, { recordsetId: places.id, page: 1, pageSize: 10, numericFilters: '{"nope":{"gt":1}}' })).rejects.toMatchObject({ code: "invalid", message: expect.stringContaining("nope") });
    await expect(listRecords(t.services, actor, { recordsetId: places.id, page: 1, pageSize: 10, numericFilters: '{"revenue":{"like":1}}' })).rejects.toMatchObject({ message: expect.stringContaining("like") });
  });

  it("versions every update and keeps promoted columns in step", async () => {
    const created = await createRecord(t.services, actor, { recordsetId: places.id, fieldValues: { name: "Delta", revenue: 5 } });
    const updated = await updateRecord(t.services, actor, { recordId: created.id, fieldValues: { revenue: 7777 }, mode: "merge" });
    expect(updated.version).toBe(2);
    expect(updated.fieldValues).toEqual({ name: "Delta", revenue: 7777 });
    const history = await t.services.records.history({ id: ws.id, schemaName: ws.schemaName }, created.id);
    expect(history.map((h) => [h.version, h.changeType])).toEqual([[2, "updated"], [1, "created"]]);
    const page = await listRecords(t.services, actor, { recordsetId: places.id, page: 1, pageSize: 10, numericFilters: '{"revenue":{"eq":7777}}' });
    expect(page.items.map((r) => r.id)).toEqual([created.id]);
  });

  it("refuses bad values, listing each field", async () => {
    await expect(createRecord(t.services, actor, { recordsetId: places.id, fieldValues: { revenue: "lots", location: { lat: 91, lng: 0 } } })).rejects.toMatchObject({
      issues: expect.arrayContaining([
        { field: "field_values.revenue", message: "must be a number" },
        { field: "field_values.location", message: expect.stringContaining("latitude") },
        { field: "field_values.name", message: "is required" },
      ]),
    });
  });

  it("refuses a self-intersecting polygon (PostGIS ST_IsValid)", async () => {
    const bowtie = { type: "Polygon", coordinates: [[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]] };
    await expect(createRecord(t.services, actor, { recordsetId: zones.id, fieldValues: { name: "bad", area: bowtie } })).rejects.toMatchObject({ code: "invalid" });
  });

  it("streams map features as JSON lines with lat/lng for points", async () => {
    const lines: string[] = [];
    for await (const batch of t.services.records.streamMap({ id: ws.id, schemaName: ws.schemaName }, { recordsetId: places.id, bbox: [2, 48, 3, 49], filters: [], fields: ["stage"] })) lines.push(...batch);
    const features = lines.map((l) => JSON.parse(l)).sort((a, b) => a.title.localeCompare(b.title));
    expect(features.map((f) => f.title)).toEqual(["Alpha", "Beta"]);
    expect(features[0]).toMatchObject({ geometry_type: "Point", geometry: { type: "Point", coordinates: [2.35, 48.85] }, lat: 48.85, lng: 2.35, fields: { stage: "new" } });
  });

  it("filters spatially: within a polygon, within a distance, excluded", async () => {
    const ws2 = { id: ws.id, schemaName: ws.schemaName };
    const run = async (operation: "within" | "within_distance" | "exclude" | "intersects", bufferMeters?: number) => {
      const { ids } = await t.services.records.spatialFilter(ws2, { sourceRecordsetId: zones.id, targetRecordsetId: places.id, operation, bufferMeters, sourceFilters: [], limit: 100 });
      const page = await listRecords(t.services, actor, { recordsetId: places.id, page: 1, pageSize: 50 });
      return page.items.filter((r) => ids.includes(r.id)).map((r) => r.title).sort();
    };
    expect(await run("within")).toEqual(["Alpha", "Beta"]);
    expect(await run("exclude")).toEqual(["Gamma"]);
    // London is ~340 km from the zone's edge.
    expect(await run("within_distance", 300_000)).toEqual(["Alpha", "Beta"]);
    expect(await run("within_distance", 400_000)).toEqual(["Alpha", "Beta", "Gamma"]);
  });
});
