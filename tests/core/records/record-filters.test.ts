import { describe, expect, it } from "vitest";
import { normaliseFieldSchema } from "../../../core/recordsets/field-schema.ts";
import { promotedMappingFor } from "../../../core/recordsets/promoted-columns.ts";
import { parseRecordFilters, resolveField } from "../../../core/records/record-filters.ts";

const fields = normaliseFieldSchema([
  { name: "City", type: "text" },
  { name: "Revenue", type: "number" },
  { name: "Opened", type: "date" },
  { name: "Labels", type: "multi_select", options: [{ value: "a" }] },
]);
const schema = { fields, promoted: promotedMappingFor(fields) };

describe("record filter grammar", () => {
  it("reads the object shorthand and the list form", () => {
    const filters = parseRecordFilters(
      { columnFilters: '{"city":["Paris","Lyon"]}', numericFilters: '{"revenue":{"gte":10,"lt":20}}', dateFilters: '[{"field":"opened","op":"last_n_days","value":30}]' },
      schema,
    );
    expect(filters.map((f) => [f.kind, f.op, f.value])).toEqual([
      ["text", "in", ["Paris", "Lyon"]],
      ["number", "gte", 10],
      ["number", "lt", 20],
      ["date", "last_n_days", 30],
    ]);
  });

  it("points promoted fields at their indexed columns", () => {
    expect(resolveField(schema, "revenue", "x")).toEqual({ source: "promoted", column: "promoted_number_1", key: "revenue", kind: "number" });
    expect(resolveField(schema, "labels", "x")).toEqual({ source: "jsonb", key: "labels", kind: "list" });
    expect(resolveField(null, "created_at", "x")).toMatchObject({ source: "column", column: "created_at" });
  });

  it.each([
    [{ numericFilters: '{"nope":{"gt":1}}' }, /unknown field "nope"/],
    [{ numericFilters: '{"revenue":{"like":1}}' }, /unknown operator "like"/],
    [{ numericFilters: '{"city":{"gt":1}}' }, /city.*text field; use column_filters/],
    [{ columnFilters: "{not json" }, /not valid JSON/],
    [{ dateFilters: '{"opened":{"after":"yesterday"}}' }, /ISO 8601/],
    [{ numericFilters: '[{"field":"revenue","op":"between","value":[1]}]' }, /\[min, max\]/],
    [{ columnFilters: '"a string"' }, /list or object/],
  ])("refuses %j", (params, message) => {
    expect(() => parseRecordFilters(params, schema)).toThrow(message);
  });

  it("names only built-ins without a recordset", () => {
    expect(() => parseRecordFilters({ columnFilters: '{"city":"Paris"}' }, null)).toThrow(/without recordset_id/);
    expect(parseRecordFilters({ columnFilters: '{"title":"Paris"}' }, null)).toHaveLength(1);
  });

  it("reports issues of every parameter together", () => {
    try {
      parseRecordFilters({ columnFilters: '{"x":"1"}', numericFilters: '{"y":{"gt":1}}' }, schema);
      expect.unreachable();
    } catch (error) {
      expect((error as { issues: unknown[] }).issues).toHaveLength(2);
    }
  });
});
