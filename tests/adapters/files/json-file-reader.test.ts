import { describe, expect, it } from "vitest";
import { Invalid, PayloadTooLarge } from "../../../core/errors.ts";
import { readAll, utf8 } from "./read-helpers.ts";

const read = (text: string, format: "json" | "geojson", batchSize?: number) => readAll(utf8(text), { format, batchSize });

const feature = (properties: unknown, geometry: unknown) => ({ type: "Feature", properties, geometry });

describe("JSON reader", () => {
  it("reads an array of objects, growing the headers as keys appear; nested values as JSON text", async () => {
    const r = await read('\uFEFF[{"name":"Ada","age":36},{"name":"Bob","tags":["a","b"],"meta":{"x":1}},{"":"blank key","age":null}]', "json");
    expect(r.file).toMatchObject({ format: "json", encoding: "utf-8", headers: ["name", "age", "tags", "meta", "column_5"] });
    expect(r.file.renamedHeaders).toEqual([{ position: 5, original: "", renamedTo: "column_5", reason: "blank" }]);
    expect(r.rows).toEqual([
      { rowNumber: 1, values: { name: "Ada", age: 36 } },
      { rowNumber: 2, values: { name: "Bob", tags: '["a","b"]', meta: '{"x":1}' } },
      { rowNumber: 3, values: { column_5: "blank key", age: null } },
    ]);
  });

  it("rejects elements that are not objects", async () => {
    const r = await read('[{"a":1}, 5, "x", {"a":2}]', "json");
    expect(r.rows.map((x) => x.rowNumber)).toEqual([1, 4]);
    expect(r.rejected).toEqual([
      { rowNumber: 2, reason: "the element is not an object" },
      { rowNumber: 3, reason: "the element is not an object" },
    ]);
  });

  it("keeps rows read before a syntax error and reports the break as a rejected row", async () => {
    const r = await read('[{"a":1},{"a":2},{"a":', "json");
    expect(r.rows).toHaveLength(2);
    expect(r.rejected).toHaveLength(1);
    expect(r.rejected[0]!.rowNumber).toBe(3);
    expect(r.rejected[0]!.reason).toMatch(/not valid JSON from this element on/);
  });

  it("refuses an empty file, non-JSON and a bare object with clear errors", async () => {
    await expect(read("  \n", "json")).rejects.toThrow(new Invalid("the file is empty"));
    await expect(read("name,city", "json")).rejects.toThrow(/must start with \[ or \{/);
    await expect(read('{"a":1}', "json")).rejects.toThrow(/array of objects or a GeoJSON FeatureCollection/);
    await expect(read('[{"a":', "json")).rejects.toThrow(/not valid JSON/);
  });

  it("stops at the size limit", async () => {
    const text = JSON.stringify(Array.from({ length: 500 }, (_, i) => ({ i })));
    await expect(readAll(utf8(text), { format: "json", maxBytes: 1000 })).rejects.toBeInstanceOf(PayloadTooLarge);
  });
});

describe("GeoJSON reader", () => {
  const collection = {
    type: "FeatureCollection",
    features: [
      feature({ name: "Paris", pop: 2100000 }, { type: "Point", coordinates: [2.35, 48.85] }),
      feature({ name: "nowhere" }, null),
      feature({ name: "bad lat" }, { type: "Point", coordinates: [2, 123] }),
      feature({ name: "open ring" }, { type: "Polygon", coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1]]] }),
      { type: "Nope" },
      feature({ name: "Lyon" }, { type: "Point", coordinates: [4.83, 45.76] }),
    ],
  };

  it("reads features: properties as values, geometry apart; invalid geometries are rejected rows", async () => {
    const r = await read(JSON.stringify(collection, null, 2), "geojson", 2);
    expect(r.file).toMatchObject({ format: "geojson", headers: ["name", "pop"] });
    expect(r.rows).toEqual([
      { rowNumber: 1, values: { name: "Paris", pop: 2100000 }, geometry: { type: "Point", coordinates: [2.35, 48.85] } },
      { rowNumber: 2, values: { name: "nowhere" } },
      { rowNumber: 6, values: { name: "Lyon" }, geometry: { type: "Point", coordinates: [4.83, 45.76] } },
    ]);
    expect(r.rejected).toEqual([
      { rowNumber: 3, column: "geometry", reason: "invalid geometry: latitude 123 is out of range (-90..90)" },
      { rowNumber: 4, column: "geometry", reason: expect.stringMatching(/^invalid geometry: .*ring/) },
      { rowNumber: 5, reason: "the element is not a GeoJSON Feature" },
    ]);
    expect(r.batches).toBeGreaterThan(1);
  });

  it("reads a FeatureCollection uploaded as .json as GeoJSON, and an array of features", async () => {
    const asJson = await read(JSON.stringify(collection), "json");
    expect(asJson.file.format).toBe("geojson");
    expect(asJson.rows).toHaveLength(3);
    const array = await read(JSON.stringify(collection.features.slice(0, 2)), "geojson");
    expect(array.rows.map((x) => x.values.name)).toEqual(["Paris", "nowhere"]);
  });

  it("refuses a GeoJSON that is not a FeatureCollection", async () => {
    await expect(read('{"type":"Point","coordinates":[1,2]}', "geojson")).rejects.toThrow(/must be a FeatureCollection, not a Point/);
  });
});
