import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { grant, makeRecordset, unknownId, type RecordsetJson } from "../recordsets/recordset-test-helpers.ts";
import { addRecord, makePlaces, makeShapes, square } from "./map-test-helpers.ts";

// POST /api/v1/records/spatial-filter (spatialFilterRecords)
let t: TestApp;
let ws: TestWorkspace;
let zones: RecordsetJson;
let targets: RecordsetJson;
const id: Record<string, string> = {};

beforeAll(async () => {
  t = await sharedTestApp();
  ws = await t.createWorkspace();
  zones = await makeShapes(t, ws);
  targets = await makeShapes(t, ws);
  await addRecord(t, ws, zones.id, { name: "Z1", kind: "a", size: 1, area: square(0, 0, 1) });
  await addRecord(t, ws, zones.id, { name: "Z2", kind: "b", size: 5, area: { type: "MultiPolygon", coordinates: [square(10, 10, 1).coordinates, square(12, 10, 1).coordinates] } });
  const target = async (name: string, area: unknown) => (id[name] = await addRecord(t, ws, targets.id, { name, area }));
  await target("in", { type: "Point", coordinates: [0.5, 0.5] });
  await target("in_multi", { type: "Point", coordinates: [12.5, 10.5] });
  await target("line_across", { type: "LineString", coordinates: [[0.5, 0.5], [2, 0.5]] });
  await target("square_in", square(0.2, 0.2, 0.3));
  await target("far", { type: "Point", coordinates: [5, 5] });
  // 0.005 degrees of longitude east of Z1 at latitude 0.5: about 557 m away.
  await target("near", { type: "Point", coordinates: [1.005, 0.5] });
});

const filter = (json: Record<string, unknown>, headers = t.as(ws.owner, ws)) =>
  t.request("/api/v1/records/spatial-filter", { method: "POST", headers, json: { source_recordset_id: zones.id, target_recordset_id: targets.id, ...json } });

const names = (ids: string[]) => Object.entries(id).filter(([, v]) => ids.includes(v)).map(([k]) => k).sort();

async function run(json: Record<string, unknown>): Promise<string[]> {
  const res = await filter(json);
  expect(res.status).toBe(200);
  const body = await res.json();
  expect(body.count).toBe(body.record_ids.length);
  expect(body.operation).toBe(json.operation);
  return names(body.record_ids);
}

describe("spatialFilterRecords: happy", () => {
  it("finds targets intersecting, within and not touching the source geometries (points, lines, polygons, multipolygons)", async () => {
    expect(await run({ operation: "intersects" })).toEqual(["in", "in_multi", "line_across", "square_in"]);
    expect(await run({ operation: "within" })).toEqual(["in", "in_multi", "square_in"]);
    expect(await run({ operation: "exclude" })).toEqual(["far", "near"]);
  });

  it("measures within_distance and buffers in metres", async () => {
    expect(await run({ operation: "within_distance", buffer_meters: 500 })).toEqual(["in", "in_multi", "line_across", "square_in"]);
    expect(await run({ operation: "within_distance", buffer_meters: 600 })).toEqual(["in", "in_multi", "line_across", "near", "square_in"]);
    expect(await run({ operation: "exclude", buffer_meters: 600 })).toEqual(["far"]);
    expect(await run({ operation: "within", buffer_meters: 600 })).toEqual(["in", "in_multi", "near", "square_in"]);
  });

  it("matches known geodesic distances (WGS 84), at the equator and at 60 degrees north", async () => {
    const sources = await makePlaces(t, ws);
    const points = await makePlaces(t, ws);
    await addRecord(t, ws, sources.id, { name: "origin", location: { lat: 0, lng: 0 } });
    await addRecord(t, ws, sources.id, { name: "north", location: { lat: 60, lng: 0 } });
    const at = async (name: string, lat: number, lng: number) => [name, await addRecord(t, ws, points.id, { name, location: { lat, lng } })] as const;
    const found = Object.fromEntries([
      await at("meridian_0.01", 0.01, 0), // 1,105.7 m along the meridian
      await at("equator_0.01", 0, 0.01), // 1,113.2 m along the equator
      await at("parallel60_0.02", 60, 0.02), // 1,116.0 m along the 60th parallel (55,800 m per degree)
    ]);
    const within = async (meters: number) => {
      const res = await filter({ source_recordset_id: sources.id, target_recordset_id: points.id, operation: "within_distance", buffer_meters: meters });
      const ids: string[] = (await res.json()).record_ids;
      return Object.entries(found).filter(([, v]) => ids.includes(v)).map(([k]) => k).sort();
    };
    expect(await within(1100)).toEqual([]);
    expect(await within(1110)).toEqual(["meridian_0.01"]);
    expect(await within(1115)).toEqual(["equator_0.01", "meridian_0.01"]);
    expect(await within(1120)).toEqual(["equator_0.01", "meridian_0.01", "parallel60_0.02"]);
  });

  it("pre-filters the source records by their fields", async () => {
    expect(await run({ operation: "within", source_filters: { numeric_filters: { size: { gte: 3 } } } })).toEqual(["in_multi"]);
    expect(await run({ operation: "intersects", source_filters: { column_filters: [{ field: "kind", op: "eq", value: "a" }] } })).toEqual(["in", "line_across", "square_in"]);
    expect(await run({ operation: "within", source_filters: { column_filters: '{"kind":"b"}', date_filters: { created_at: { last_n_days: 1 } } } })).toEqual(["in_multi"]);
  });

  it("stops at limit, in id order, and says truncated", async () => {
    const res = await filter({ operation: "intersects", limit: 2 });
    const body = await res.json();
    expect(body).toMatchObject({ count: 2, truncated: true, operation: "intersects" });
    expect(body.record_ids).toEqual([...body.record_ids].sort());
    expect((await (await filter({ operation: "intersects", limit: 4 })).json()).truncated).toBe(false);
  });
});

describe("spatialFilterRecords: error", () => {
  it.each([
    [{ operation: "within_distance" }, "buffer_meters"],
    [{ operation: "within_distance", buffer_meters: 0 }, "buffer_meters"],
    [{ operation: "within_distance", buffer_meters: 1_000_001 }, "buffer_meters"],
    [{ operation: "intersects", buffer_meters: -5 }, "buffer_meters"],
    [{ operation: "touches" }, "operation"],
    [{ operation: "within", limit: 100_001 }, "limit"],
    [{ operation: "within", limit: 0 }, "limit"],
    [{ operation: "within", source_filters: { numeric_filters: { nope: { gt: 1 } } } }, "source_filters.numeric_filters"],
    [{ operation: "within", source_filters: { numeric_filters: { size: { like: 1 } } } }, "source_filters.numeric_filters"],
    [{ operation: "within", source_filters: { other_filters: {} } }, "source_filters"],
    [{ operation: "within", source_recordset_id: "x" }, "source_recordset_id"],
  ])("answers 422 problem+json for %j", async (json, field) => {
    const res = await filter(json);
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toMatch(/problem\+json/);
    expect((await res.json()).errors.map((e: { field: string }) => e.field).join(" ")).toContain(field);
  });

  it("answers 422 for a recordset without geometry and 404 for an unknown one", async () => {
    const plain = await makeRecordset(t, ws, [{ name: "Name", type: "text" }]);
    const res = await filter({ operation: "within", target_recordset_id: plain.id });
    expect(res.status).toBe(422);
    expect((await res.json()).errors[0].field).toBe("target_recordset_id");
    expect((await filter({ operation: "within", source_recordset_id: unknownId })).status).toBe(404);
  });
});

describe("spatialFilterRecords: security", () => {
  it("answers 401 without credentials", async () => {
    expect((await filter({ operation: "within" }, { "x-workspace-id": ws.id })).status).toBe(401);
  });

  it("answers 404 for another workspace's recordset on either side", async () => {
    const other = await t.createWorkspace();
    const foreign = await makeShapes(t, other);
    expect((await filter({ operation: "within", source_recordset_id: foreign.id })).status).toBe(404);
    expect((await filter({ operation: "within", target_recordset_id: foreign.id })).status).toBe(404);
  });

  it.each([
    ["member", [], 403],
    ["member", ["target"], 403],
    ["viewer", ["source"], 403],
    ["viewer", ["source", "target"], 200],
    ["member", ["source", "target"], 200],
    ["admin", [], 200],
  ] as const)("a %s with can_view on %j gets %i", async (role, on, status) => {
    const user = await t.addMember(ws, role);
    for (const side of on) await grant(t, ws, (side === "source" ? zones : targets).slug, { member_id: user.id, flags: ["can_view"] });
    expect((await filter({ operation: "within" }, t.as(user, ws))).status).toBe(status);
  });
});
