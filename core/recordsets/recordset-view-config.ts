import { Invalid, type FieldIssue } from "../errors.ts";
import { parseColumnFilters, parseDateFilters, parseNumericFilters, resolveField, type FilterSchema, type RecordFilter } from "../records/record-filters.ts";
import type { AccessFlag, RecordsetRecord } from "./recordset-repository.ts";

/** How a saved view presents the records. */
export const viewTypes = ["table", "map", "kanban", "calendar", "gallery"] as const;
export type ViewType = (typeof viewTypes)[number];

/** A filter parameter of the record list, as JSON (list form or object shorthand). */
export type ViewFilterValue = Array<{ field: string; op: string; value?: unknown }> | Record<string, unknown>;

/**
 * A saved view's configuration. `filters` use the record list's grammar
 * (core/records/record-filters.ts), so a client can replay a view as list parameters.
 */
export type ViewConfig = {
  filters?: { column_filters?: ViewFilterValue; numeric_filters?: ViewFilterValue; date_filters?: ViewFilterValue } | undefined;
  sort?: { field: string; order: "asc" | "desc" } | null | undefined;
  /** Field keys (or title, created_at, updated_at) shown, in order. */
  visible_columns?: string[] | undefined;
  /** The field records are grouped by (kanban columns, table groups). */
  group_by?: string | null | undefined;
  search?: string | undefined;
  /** Settings of the view type itself (map centre and zoom, card fields...): stored as given. */
  options?: Record<string, unknown> | undefined;
};

/**
 * The flag that lets one write a recordset's saved views. Views are shared by everyone who
 * sees the recordset, so a reader must not reshape what others see; editors (and admins,
 * whose flags include every flag) may. Reading views needs `can_view`.
 */
export const VIEW_WRITE_FLAG: AccessFlag = "can_edit";

const BUILTINS = new Set(["title", "created_at", "updated_at"]);

/**
 * Checks a view config against the recordset's current schema: filters parsed as the record
 * list parses them (unknown fields or operators named), the sort, visible columns and
 * `group_by` naming existing fields. Throws `Invalid` listing every problem under `config.*`.
 */
export function checkViewConfig(recordset: Pick<RecordsetRecord, "fields" | "promoted">, type: string, config: ViewConfig): void {
  const schema: FilterSchema = { fields: recordset.fields, promoted: recordset.promoted };
  const issues: FieldIssue[] = [];
  const attempt = (work: () => unknown) => {
    try {
      work();
    } catch (error) {
      if (!(error instanceof Invalid)) throw error;
      issues.push(...error.issues);
    }
  };
  const parsers: Record<string, (text: string, schema: FilterSchema, param: string) => RecordFilter[]> = {
    column_filters: parseColumnFilters,
    numeric_filters: parseNumericFilters,
    date_filters: parseDateFilters,
  };
  for (const [name, parse] of Object.entries(parsers)) {
    const value = config.filters?.[name as keyof NonNullable<ViewConfig["filters"]>];
    if (value !== undefined) attempt(() => parse(JSON.stringify(value), schema, `config.filters.${name}`));
  }
  if (config.sort) attempt(() => resolveField(schema, config.sort!.field, "config.sort.field"));
  const known = (key: string) => BUILTINS.has(key) || recordset.fields.some((f) => f.key === key);
  for (const key of config.visible_columns ?? []) {
    if (!known(key)) issues.push({ field: "config.visible_columns", message: `unknown field "${key}"` });
  }
  if (config.group_by) {
    const field = recordset.fields.find((f) => f.key === config.group_by);
    if (!field) issues.push({ field: "config.group_by", message: `unknown field "${config.group_by}"` });
    // A kanban board's columns are the options of a select field.
    else if (type === "kanban" && field.type !== "select") issues.push({ field: "config.group_by", message: `a kanban view groups by a select field; "${field.key}" is a ${field.type} field` });
  }
  if (issues.length) throw new Invalid(`the view config is invalid: ${issues.map((i) => i.message).join("; ")}`, issues);
}
