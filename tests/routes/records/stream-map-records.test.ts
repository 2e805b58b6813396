import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { grant, unknownId, type RecordsetJson } from "../recordsets/recordset-test-helpers.ts";
import { addRecord, makePlaces, makeShapes, ndjsonLines, seedPoints, square } from "./map-test-helpers.ts";

// GET /api/v1/records/map (streamMapRecords)
let t: TestApp;
let ws: TestWorkspace;
let shapes: RecordsetJson;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await sharedTestApp();
  ws = await t.createWorkspace();
  shapes = await makeShapes(t, ws);
  const add = async (name: string, kind: string, size: number, area: unknown) => (ids[name] = await addRecord(t, ws, shapes.id, { name, kind, size, area }));
  await add("point", "a", 1, { type: "Point", coordinates: [2.35, 48.85] });
  await add("line", "a", 2, { type: "LineString", coordinates: [[2.3, 48.8], [2.4, 48.9]] });
  await add("polygon", "b", 3, square(2.3, 48.8, 0.1));
  await add("multi", "b", 4, { type: "MultiPolygon", coordinates: [square(-0.2, 51.4, 0.1).coordinates, square(-0.1, 51.6, 0.1).coordinates] });
  await addRecord(t, ws, shapes.id, { name: "no geometry", kind: "a", size: 5 });
});
afterEach(() => vi.restoreAllMocks());

const map = (query: Record<string, string | number>, headers = t.as(ws.owner, ws)) =>
  t.request(`/api/v1/records/map?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]))}`, { headers });

const byTitle = (lines: Record<string, unknown>[]) =>
  Object.fromEntries(lines.filter((l) => !("__meta__" in l)).map((l) => [l.title as string, l]));

describe("streamMapRecords: happy", () => {
  it("streams every geometry type as NDJSON with lat/lng for points and a final __meta__ line", async () => {
    const res = await map({ recordset_id: shapes.id, fields: "kind,size" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/application\/x-ndjson/);
    const lines = await ndjsonLines(res);
    expect(lines.at(-1)).toEqual({ __meta__: { count: 4, truncated: false } });
    const f = byTitle(lines);
    expect(Object.keys(f).sort()).toEqual(["line", "multi", "point", "polygon"]);
    expect(f.point).toEqual({ id: ids.point, title: "point", geometry: { type: "Point", coordinates: [2.35, 48.85] }, geometry_type: "Point", fields: { kind: "a", size: 1 }, lat: 48.85, lng: 2.35 });
    expect(f.line).toMatchObject({ geometry_type: "LineString", geometry: { type: "LineString", coordinates: [[2.3, 48.8], [2.4, 48.9]] } });
    expect(f.line).not.toHaveProperty("lat");
    expect(f.polygon).toMatchObject({ geometry_type: "Polygon", fields: { kind: "b", size: 3 } });
    expect(f.multi).toMatchObject({ geometry_type: "MultiPolygon", geometry: { type: "MultiPolygon" } });
  });

  it("restricts to a bbox, to geometry types and by filters", async () => {
    const titles = async (query: Record<string, string | number>) =>
      Object.keys(byTitle(await ndjsonLines(await map({ recordset_id: shapes.id, ...query })))).sort();
    expect(await titles({ bbox: "2.2,48.7,2.5,49" })).toEqual(["line", "point", "polygon"]);
    expect(await titles({ bbox: "-0.05,51.65,-0.02,51.68" })).toEqual(["multi"]);
    expect(await titles({ geometry_types: "polygon,MultiPolygon" })).toEqual(["multi", "polygon"]);
    expect(await titles({ column_filters: JSON.stringify({ kind: "a" }) })).toEqual(["line", "point"]);
    expect(await titles({ numeric_filters: JSON.stringify({ size: { gte: 3 } }), bbox: "2,48,3,49" })).toEqual(["polygon"]);
  });

  it("caps at limit and says truncated only when the limit cut the result", async () => {
    const cut = await ndjsonLines(await map({ recordset_id: shapes.id, limit: 2 }));
    expect(cut).toHaveLength(3);
    expect(cut.at(-1)).toEqual({ __meta__: { count: 2, truncated: true } });
    const exact = await ndjsonLines(await map({ recordset_id: shapes.id, limit: 4 }));
    expect(exact.at(-1)).toEqual({ __meta__: { count: 4, truncated: false } });
  });

  it("streams lat/lng point recordsets too", async () => {
    const places = await makePlaces(t, ws);
    await addRecord(t, ws, places.id, { name: "Paris", income: 10, location: { lat: 48.85, lng: 2.35 } });
    const lines = await ndjsonLines(await map({ recordset_id: places.id, fields: "income" }));
    expect(lines).toEqual([
      expect.objectContaining({ title: "Paris", geometry_type: "Point", lat: 48.85, lng: 2.35, fields: { income: 10 } }),
      { __meta__: { count: 1, truncated: false } },
    ]);
  });

  it("pauses the database cursor while the client does not read (constant memory)", async () => {
    const big = await makePlaces(t, ws);
    const total = 50_000;
    await seedPoints(t, ws, big.id, total);
    let produced = 0;
    const original = t.services.records.streamMap.bind(t.services.records);
    vi.spyOn(t.services.records, "streamMap").mockImplementation((ref, query) =>
      (async function* () {
        for await (const batch of original(ref, query)) {
          produced += batch.length;
          yield batch;
        }
      })(),
    );
    const res = await map({ recordset_id: big.id });
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = "";
    for (let i = 0; i < 3; i++) text += decoder.decode((await reader.read()).value, { stream: true });
    const read = text.split("\n").length - 1;
    await new Promise((resolve) => setTimeout(resolve, 500));
    // Read so far, plus the chunk being assembled and the one queued (~64 KB, ~700 lines each).
    expect(produced).toBeLessThan(read + 3_000);
    const paused = produced;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(produced).toBe(paused);
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
    const lines = text.split("\n").filter(Boolean);
    expect(lines).toHaveLength(total + 1);
    expect(JSON.parse(lines.at(-1)!)).toEqual({ __meta__: { count: total, truncated: false } });
    expect(produced).toBe(total);
  }, 120_000);

  it("ends a stream that fails midway with an __error__ line instead of __meta__", async () => {
    vi.spyOn(t.services.records, "streamMap").mockImplementation(() =>
      (async function* () {
        yield [JSON.stringify({ id: ids.point, title: "point" })];
        throw new Error("connection lost");
      })(),
    );
    const res = await map({ recordset_id: shapes.id });
    expect(res.status).toBe(200);
    const lines = await ndjsonLines(res);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toEqual({ __error__: expect.objectContaining({ status: 500, code: "internal_error" }) });
    expect(JSON.stringify(lines)).not.toContain("connection lost");
  });
});

describe("streamMapRecords: error", () => {
  it.each([
    [{ bbox: "3,48,2,49" }, "bbox"],
    [{ bbox: "2,48,3,95" }, "bbox"],
    [{ bbox: "a,b,c" }, "bbox"],
    [{ limit: 0 }, "limit"],
    [{ limit: 1_000_001 }, "limit"],
    [{ limit: "ten" }, "limit"],
    [{ fields: "kind,nope" }, "fields"],
    [{ geometry_types: "Point,Circle" }, "geometry_types"],
    [{ column_filters: '{"nope":"x"}' }, "column_filters"],
    [{ numeric_filters: '{"size":{"like":1}}' }, "numeric_filters"],
    [{ numeric_filters: "{not json" }, "numeric_filters"],
  ])("answers 422 problem+json for %j", async (query, field) => {
    const res = await map({ recordset_id: shapes.id, ...query });
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toMatch(/problem\+json/);
    const body = await res.json();
    expect(body.errors.map((e: { field: string }) => e.field).join(" ")).toContain(field);
  });

  it("answers 422 without recordset_id or with a malformed one, 404 for an unknown one", async () => {
    expect((await t.request("/api/v1/records/map", { headers: t.as(ws.owner, ws) })).status).toBe(422);
    expect((await map({ recordset_id: "nope" })).status).toBe(422);
    const res = await map({ recordset_id: unknownId });
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toMatch(/problem\+json/);
  });
});

describe("streamMapRecords: security", () => {
  it("answers 401 without credentials", async () => {
    expect((await map({ recordset_id: shapes.id }, { "x-workspace-id": ws.id })).status).toBe(401);
  });

  it("answers 404 for another workspace's recordset", async () => {
    const other = await t.createWorkspace();
    const foreign = await makeShapes(t, other);
    expect((await map({ recordset_id: foreign.id })).status).toBe(404);
  });

  it.each([
    ["member", false, 403],
    ["viewer", false, 403],
    ["viewer", true, 200],
    ["member", true, 200],
    ["admin", false, 200],
  ] as const)("a %s (can_view grant: %s) gets %i", async (role, granted, status) => {
    const user = await t.addMember(ws, role);
    if (granted) await grant(t, ws, shapes.slug, { member_id: user.id, flags: ["can_view"] });
    const res = await map({ recordset_id: shapes.id }, t.as(user, ws));
    expect(res.status).toBe(status);
    if (status === 200) expect((await ndjsonLines(res)).at(-1)).toEqual({ __meta__: { count: 4, truncated: false } });
  });
});
