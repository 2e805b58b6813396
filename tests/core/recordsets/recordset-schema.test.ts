import { describe, expect, it } from "vitest";
import { fieldKeyFromName, normaliseFieldSchema, titleField } from "../../../core/recordsets/field-schema.ts";
import { deriveColumns, promotedMappingFor } from "../../../core/recordsets/promoted-columns.ts";
import { slugify, uniqueSlug } from "../../../core/recordsets/recordset-slug.ts";
import { parseBbox } from "../../../core/records/geometry.ts";

describe("recordset slugs", () => {
  it("come from the name, unique and never reserved", () => {
    expect(slugify("Café Leads 2024!")).toBe("cafe-leads-2024");
    expect(slugify("!!!")).toBe("recordset");
    expect(uniqueSlug("leads", new Set(["leads", "leads-2"]))).toBe("leads-3");
    expect(uniqueSlug("trash", new Set())).toBe("trash-2");
  });
});

describe("field schema", () => {
  it("derives keys from names and de-duplicates derived ones", () => {
    expect(fieldKeyFromName("Annual Revenue ($)")).toBe("annual_revenue");
    expect(fieldKeyFromName("2024 target")).toBe("f_2024_target");
    expect(normaliseFieldSchema([{ name: "A b", type: "text" }, { name: "a-b", type: "text" }]).map((f) => f.key)).toEqual(["a_b", "a_b_2"]);
  });

  it("refuses explicit duplicate keys, selects without options and two primaries", () => {
    expect(() =>
      normaliseFieldSchema([
        { key: "a", name: "A", type: "text", isPrimary: true },
        { key: "a", name: "B", type: "select", isPrimary: true },
      ]),
    ).toThrow(expect.objectContaining({ issues: expect.arrayContaining([expect.objectContaining({ field: "fields[1].key" }), expect.objectContaining({ field: "fields[1].options" }), expect.objectContaining({ field: "fields" })]) }));
  });

  it("titles records by the primary field, else the first text field", () => {
    const fields = normaliseFieldSchema([{ name: "Amount", type: "number" }, { name: "Name", type: "text" }, { name: "Code", type: "text", isPrimary: true }]);
    expect(titleField(fields)?.key).toBe("code");
  });
});

describe("derived columns", () => {
  it("fill promoted slots and the geometry", () => {
    const fields = normaliseFieldSchema([{ name: "Name", type: "text" }, { name: "Size", type: "number" }, { name: "Day", type: "date" }, { name: "Lat", type: "number" }, { name: "Lng", type: "number" }]);
    const derived = deriveColumns({ fields, promoted: promotedMappingFor(fields), gis: { kind: "lat_lng_fields", latField: "lat", lngField: "lng" } }, { name: "Ada", size: 3, day: "2024-05-01", lat: 10, lng: 20 });
    expect(derived.title).toBe("Ada");
    expect(derived.promoted).toMatchObject({ promoted_text_1: "Ada", promoted_number_1: 3, promoted_number_2: 10, promoted_date_1: "2024-05-01T00:00:00Z" });
    expect(derived.geometry).toEqual({ type: "Point", coordinates: [20, 10] });
  });
});

describe("bbox", () => {
  it("parses and checks ranges and order", () => {
    expect(parseBbox("-1,-2,3,4")).toEqual({ bbox: [-1, -2, 3, 4] });
    expect(parseBbox("3,0,1,1")).toEqual({ problem: expect.stringMatching(/minimums/) });
    expect(parseBbox("0,0,1,95")).toEqual({ problem: expect.stringMatching(/latitude/) });
    expect(parseBbox("0,0,1")).toEqual({ problem: expect.stringMatching(/four numbers/) });
  });
});
