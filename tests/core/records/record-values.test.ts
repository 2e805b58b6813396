import { describe, expect, it } from "vitest";
import { normaliseFieldSchema } from "../../../core/recordsets/field-schema.ts";
import { normaliseTags, validateFieldValues } from "../../../core/records/record-values.ts";

const fields = normaliseFieldSchema([
  { name: "Name", type: "text", required: true },
  { name: "Amount", type: "currency", currency: "EUR" },
  { name: "Count", type: "number" },
  { name: "Due", type: "date" },
  { name: "Done", type: "boolean" },
  { name: "Stage", type: "select", options: [{ value: "new" }, { value: "won" }] },
  { name: "Labels", type: "multi_select", options: [{ value: "a" }, { value: "b" }] },
  { name: "Site", type: "url" },
  { name: "Mail", type: "email" },
  { name: "Phone", type: "phone" },
  { name: "Where", type: "lat_lng" },
  { name: "Shape", type: "geometry" },
  { name: "Links", type: "relation" },
]);

function issuesOf(values: Record<string, unknown>, partial = false) {
  try {
    validateFieldValues(fields, values, { partial });
    return [];
  } catch (error) {
    return (error as { issues: { field: string; message: string }[] }).issues;
  }
}

describe("validateFieldValues", () => {
  it("normalises good values", () => {
    const out = validateFieldValues(fields, {
      name: "Ada",
      amount: "12.5",
      count: 3,
      due: "2024-02-29",
      done: "true",
      stage: "won",
      labels: ["a", "a", "b"],
      site: "https://example.com",
      mail: " ada@example.com ",
      phone: "+44 20 7946 0000",
      where: { lat: 1, lng: 2 },
      shape: { type: "Point", coordinates: [2, 1] },
      links: "0190d3c1-0000-7000-8000-000000000000",
    });
    expect(out).toMatchObject({ amount: 12.5, done: true, labels: ["a", "b"], mail: "ada@example.com", links: ["0190d3c1-0000-7000-8000-000000000000"] });
  });

  it("normalises a date-time to UTC ISO and refuses impossible dates", () => {
    expect(validateFieldValues(fields, { name: "x", due: "2024-01-01T10:00:00+02:00" }).due).toBe("2024-01-01T08:00:00.000Z");
    expect(issuesOf({ name: "x", due: "2023-02-29" })).toEqual([{ field: "field_values.due", message: "is not a real date" }]);
  });

  it("lists every bad field at once", () => {
    const issues = issuesOf({ amount: "1,000", stage: "lost", labels: ["c"], site: "ftp://x", mail: "nope", where: { lat: 0, lng: 200 }, extra: 1 });
    expect(issues.map((i) => i.field).sort()).toEqual(
      ["field_values.amount", "field_values.extra", "field_values.labels", "field_values.mail", "field_values.name", "field_values.site", "field_values.stage", "field_values.where"].sort(),
    );
  });

  it("only checks given keys when partial, but never lets null clear a required field", () => {
    expect(issuesOf({ count: 1 }, true)).toEqual([]);
    expect(issuesOf({ name: null }, true)).toEqual([{ field: "field_values.name", message: "is required" }]);
  });

  it("refuses malformed geometries", () => {
    expect(issuesOf({ name: "x", shape: { type: "Polygon", coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1]]] } })[0]!.message).toMatch(/closed/);
    expect(issuesOf({ name: "x", shape: { type: "Blob", coordinates: [] } })[0]!.message).toMatch(/unknown geometry type/);
    expect(issuesOf({ name: "x", shape: { type: "LineString", coordinates: [[0, 0]] } })[0]!.message).toMatch(/at least 2/);
  });
});

describe("normaliseTags", () => {
  it("trims, drops blanks and duplicates", () => expect(normaliseTags([" a", "a ", "", "b"])).toEqual(["a", "b"]));
  it("refuses too many", () => expect(() => normaliseTags(Array.from({ length: 51 }, (_, i) => `t${i}`))).toThrow(/invalid/));
});
