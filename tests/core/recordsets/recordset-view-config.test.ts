import { describe, expect, it } from "vitest";
import { Invalid } from "../../../core/errors.ts";
import { normaliseStages } from "../../../core/recordsets/create-recordset-pipeline.ts";
import { grantFlags } from "../../../core/recordsets/grant-recordset-access.ts";
import { normaliseFieldSchema } from "../../../core/recordsets/field-schema.ts";
import { promotedMappingFor } from "../../../core/recordsets/promoted-columns.ts";
import { checkViewConfig } from "../../../core/recordsets/recordset-view-config.ts";

const fields = normaliseFieldSchema([
  { name: "Name", type: "text" },
  { name: "Price", type: "number" },
  { name: "Stage", type: "select", options: [{ value: "new" }] },
  { name: "Tags", type: "multi_select", options: [{ value: "a" }] },
  { name: "Closed", type: "date" },
]);
const recordset = { fields, promoted: promotedMappingFor(fields) };

function issuesOf(work: () => void) {
  try {
    work();
  } catch (error) {
    if (error instanceof Invalid) return error.issues;
    throw error;
  }
  return [];
}

describe("checkViewConfig", () => {
  it("accepts filters in both forms, built-in fields, and a kanban on a select field", () => {
    expect(() =>
      checkViewConfig(recordset, "kanban", {
        filters: { numeric_filters: [{ field: "price", op: "between", value: [1, 2] }], column_filters: { stage: "new" }, date_filters: { closed: { last_n_days: 7 } } },
        sort: { field: "updated_at", order: "desc" },
        visible_columns: ["title", "name", "price"],
        group_by: "stage",
      }),
    ).not.toThrow();
  });

  it("reports every problem at once, each under its config path", () => {
    const issues = issuesOf(() =>
      checkViewConfig(recordset, "kanban", {
        filters: { numeric_filters: { ghost: { gt: 1 } }, date_filters: { closed: { around: "2024-01-01" } } },
        sort: { field: "nope", order: "asc" },
        visible_columns: ["name", "phantom"],
        group_by: "tags",
      }),
    );
    expect(issues.map((i) => i.field)).toEqual(["config.filters.numeric_filters", "config.filters.date_filters", "config.sort.field", "config.visible_columns", "config.group_by"]);
    expect(issues.map((i) => i.message).join(" ")).toMatch(/ghost.*around.*nope.*phantom.*select field/);
  });

  it("lets any view type group by any field but kanban only by a select field", () => {
    expect(() => checkViewConfig(recordset, "table", { group_by: "price" })).not.toThrow();
    expect(issuesOf(() => checkViewConfig(recordset, "kanban", { group_by: "price" }))).toHaveLength(1);
  });
});

describe("normaliseStages", () => {
  it("orders stages by `order`, defaulting to the position, keeping given ids", () => {
    const stages = normaliseStages([{ name: "B", order: 2 }, { id: "a", name: "A", order: 0 }, { name: "C", order: 2 }]);
    expect(stages.map((s) => [s.name, s.order])).toEqual([["A", 0], ["B", 2], ["C", 2]]);
    expect(stages[0]!.id).toBe("a");
    expect(new Set(stages.map((s) => s.id)).size).toBe(3);
  });

  it("refuses blank and duplicate names, and duplicate ids", () => {
    expect(issuesOf(() => normaliseStages([{ name: "A" }, { name: " a " }, { name: " " }])).map((i) => i.field)).toEqual(["stages[1].name", "stages[2].name"]);
    expect(issuesOf(() => normaliseStages([{ id: "x", name: "A" }, { id: "x", name: "B" }]))).toEqual([{ field: "stages[1].id", message: 'duplicate stage id "x"' }]);
  });
});

describe("grantFlags", () => {
  it("defaults to view only, and makes any other flag imply view", () => {
    expect(grantFlags()).toEqual({ can_view: true, can_create: false, can_edit: false, can_edit_own: false, can_delete: false, can_delete_own: false, can_admin: false });
    expect(grantFlags({ can_view: false })).toMatchObject({ can_view: false });
    expect(grantFlags({ can_view: false, can_delete_own: true })).toMatchObject({ can_view: true, can_delete_own: true });
  });
});
