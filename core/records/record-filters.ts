import { Invalid, type FieldIssue } from "../errors.ts";
import { valueKindOf, type FieldDefinition, type ValueKind } from "../recordsets/field-schema.ts";
import { promotedColumnOf, type PromotedMapping } from "../recordsets/promoted-columns.ts";

/**
 * The filter grammar of record lists and map streams. Each parameter is JSON, in a list
 * form or an object shorthand:
 *
 * - `column_filters` (text, select, email, url, phone, boolean, multi-select, relation fields
 *   and `title`): `[{"field":"city","op":"in","value":["Paris","Lyon"]}]`, or
 *   `{"city":"Paris","stage":["new","won"]}` (a string = eq, a list = in).
 *   ops: eq, neq, in, not_in, contains, not_contains, starts_with, is_empty, is_not_empty.
 * - `numeric_filters` (number and currency fields): `[{"field":"revenue","op":"gte","value":1000}]`,
 *   or `{"revenue":{"gte":1000,"lt":5000}}`. ops: eq, neq, gt, gte, lt, lte, between ([min,max]),
 *   is_empty, is_not_empty.
 * - `date_filters` (date fields and `created_at`, `updated_at`):
 *   `[{"field":"closed_on","op":"between","value":["2024-01-01","2024-03-31"]}]`, or
 *   `{"closed_on":{"after":"2024-01-01"}}`. ops: on, before, after, between, last_n_days,
 *   next_n_days (value = whole days), is_empty, is_not_empty.
 *
 * Every field is checked against the recordset schema and every operator against the
 * field's kind; an unknown one is a 422 naming it. Field keys and values are bound as
 * parameters by the adapter: nothing from the request reaches SQL as text.
 */

export const textOps = ["eq", "neq", "in", "not_in", "contains", "not_contains", "starts_with", "is_empty", "is_not_empty"] as const;
export const numberOps = ["eq", "neq", "gt", "gte", "lt", "lte", "between", "is_empty", "is_not_empty"] as const;
export const dateOps = ["on", "before", "after", "between", "last_n_days", "next_n_days", "is_empty", "is_not_empty"] as const;

/** Where a filter or sort reads its value from. */
export type FieldRef =
  /** A column of `records` itself. */
  | { source: "column"; column: "title" | "created_at" | "updated_at"; kind: ValueKind }
  /** A promoted (indexed) column mirroring a field. */
  | { source: "promoted"; column: string; key: string; kind: ValueKind }
  /** A key of `field_values`. */
  | { source: "jsonb"; key: string; kind: ValueKind };

export type RecordFilter =
  | { kind: "text"; ref: FieldRef; op: (typeof textOps)[number]; value: string | string[] | boolean | null }
  | { kind: "number"; ref: FieldRef; op: (typeof numberOps)[number]; value: number | [number, number] | null }
  | { kind: "date"; ref: FieldRef; op: (typeof dateOps)[number]; value: string | [string, string] | number | null };

export type FilterSchema = { fields: readonly FieldDefinition[]; promoted: PromotedMapping } | null;

const BUILTIN: Record<string, FieldRef> = {
  title: { source: "column", column: "title", kind: "text" },
  created_at: { source: "column", column: "created_at", kind: "date" },
  updated_at: { source: "column", column: "updated_at", kind: "date" },
};

/**
 * Resolves a field name to where its value lives. Without a schema (a list across
 * recordsets) only the built-in `title`, `created_at` and `updated_at` can be named.
 */
export function resolveField(schema: FilterSchema, key: string, param: string): FieldRef {
  const builtin = BUILTIN[key];
  if (builtin) return builtin;
  const field = schema?.fields.find((f) => f.key === key);
  if (!field) {
    const hint = schema ? "" : " (without recordset_id only title, created_at and updated_at can be used)";
    throw new Invalid(`unknown field "${key}" in ${param}${hint}`, [{ field: param, message: `unknown field "${key}"${hint}` }]);
  }
  const kind = valueKindOf(field.type);
  const promoted = promotedColumnOf(schema!.promoted, key);
  return promoted ? { source: "promoted", column: promoted.column, key, kind } : { source: "jsonb", key, kind };
}

type RawCondition = { field: string; op: string; value?: unknown };

function parseJson(text: string, param: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new Invalid(`${param} is not valid JSON`, [{ field: param, message: `${param} is not valid JSON (see the parameter description for the grammar)` }]);
  }
}

/** Both forms to a list of `{field, op, value}`; `shorthand` expands one object entry. */
function conditions(text: string, param: string, shorthand: (field: string, value: unknown) => RawCondition[]): RawCondition[] {
  const parsed = parseJson(text, param);
  if (Array.isArray(parsed)) {
    return parsed.map((c, i) => {
      if (typeof c !== "object" || c === null || typeof (c as RawCondition).field !== "string" || typeof (c as RawCondition).op !== "string") {
        throw new Invalid(`${param}[${i}] must be {field, op, value}`, [{ field: `${param}[${i}]`, message: "must be an object {field, op, value}" }]);
      }
      return c as RawCondition;
    });
  }
  if (typeof parsed === "object" && parsed !== null) return Object.entries(parsed).flatMap(([field, value]) => shorthand(field, value));
  throw new Invalid(`${param} must be a JSON list or object`, [{ field: param, message: "must be a JSON list or object" }]);
}

function opsShorthand(field: string, value: unknown): RawCondition[] {
  if (typeof value === "object" && value !== null && !Array.isArray(value)) {
    return Object.entries(value).map(([op, v]) => ({ field, op, value: v }));
  }
  return [{ field, op: "eq", value }];
}

function badValue(param: string, c: RawCondition, expected: string): Invalid {
  return new Invalid(`${param}: ${c.field} ${c.op} needs ${expected}`, [{ field: param, message: `${c.field} ${c.op} needs ${expected}` }]);
}

function checkOp<T extends string>(ops: readonly T[], c: RawCondition, param: string, kindName: string): T {
  if (!(ops as readonly string[]).includes(c.op)) {
    throw new Invalid(`unknown operator "${c.op}" in ${param}`, [
      { field: param, message: `unknown operator "${c.op}" for ${kindName} field "${c.field}"; use one of ${ops.join(", ")}` },
    ]);
  }
  return c.op as T;
}

function expectKind(ref: FieldRef, kinds: ValueKind[], c: RawCondition, param: string, use: string): void {
  if (!kinds.includes(ref.kind)) {
    throw new Invalid(`field "${c.field}" cannot be used in ${param}`, [{ field: param, message: `field "${c.field}" is a ${ref.kind} field; use ${use}` }]);
  }
}

export function parseColumnFilters(text: string, schema: FilterSchema, param = "column_filters"): RecordFilter[] {
  const shorthand = (field: string, value: unknown): RawCondition[] => [{ field, op: Array.isArray(value) ? "in" : "eq", value }];
  return conditions(text, param, shorthand).map((c) => {
    const ref = resolveField(schema, c.field, param);
    expectKind(ref, ["text", "boolean", "list"], c, param, ref.kind === "number" ? "numeric_filters" : "date_filters");
    const op = checkOp(textOps, c, param, ref.kind);
    if (op === "is_empty" || op === "is_not_empty") return { kind: "text", ref, op, value: null };
    if (op === "in" || op === "not_in") {
      if (!Array.isArray(c.value) || c.value.length === 0 || c.value.length > 500 || c.value.some((v) => typeof v !== "string")) {
        throw badValue(param, c, "a list of 1 to 500 strings");
      }
      return { kind: "text", ref, op, value: c.value as string[] };
    }
    if (ref.kind === "boolean" && op === "eq" && typeof c.value === "boolean") return { kind: "text", ref, op, value: c.value };
    if (typeof c.value !== "string" && typeof c.value !== "number") throw badValue(param, c, "a string");
    return { kind: "text", ref, op, value: String(c.value) };
  });
}

export function parseNumericFilters(text: string, schema: FilterSchema, param = "numeric_filters"): RecordFilter[] {
  return conditions(text, param, opsShorthand).map((c) => {
    const ref = resolveField(schema, c.field, param);
    expectKind(ref, ["number"], c, param, ref.kind === "date" ? "date_filters" : "column_filters");
    const op = checkOp(numberOps, c, param, "number");
    if (op === "is_empty" || op === "is_not_empty") return { kind: "number", ref, op, value: null };
    if (op === "between") {
      const v = c.value;
      if (!Array.isArray(v) || v.length !== 2 || v.some((n) => typeof n !== "number" || !Number.isFinite(n))) throw badValue(param, c, "[min, max] numbers");
      return { kind: "number", ref, op, value: [v[0], v[1]] as [number, number] };
    }
    if (typeof c.value !== "number" || !Number.isFinite(c.value)) throw badValue(param, c, "a number");
    return { kind: "number", ref, op, value: c.value };
  });
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;
function isIsoDate(v: unknown): v is string {
  return typeof v === "string" && ISO_DATE.test(v) && !Number.isNaN(new Date(v).getTime());
}

export function parseDateFilters(text: string, schema: FilterSchema, param = "date_filters"): RecordFilter[] {
  return conditions(text, param, opsShorthand).map((c) => {
    const ref = resolveField(schema, c.field, param);
    expectKind(ref, ["date"], c, param, ref.kind === "number" ? "numeric_filters" : "column_filters");
    const op = checkOp(dateOps, c, param, "date");
    if (op === "is_empty" || op === "is_not_empty") return { kind: "date", ref, op, value: null };
    if (op === "last_n_days" || op === "next_n_days") {
      if (!Number.isInteger(c.value) || (c.value as number) < 0 || (c.value as number) > 36_500) throw badValue(param, c, "a whole number of days");
      return { kind: "date", ref, op, value: c.value as number };
    }
    if (op === "between") {
      const v = c.value;
      if (!Array.isArray(v) || v.length !== 2 || !isIsoDate(v[0]) || !isIsoDate(v[1])) throw badValue(param, c, "[from, to] ISO dates");
      return { kind: "date", ref, op, value: [v[0], v[1]] as [string, string] };
    }
    if (!isIsoDate(c.value)) throw badValue(param, c, "an ISO 8601 date");
    return { kind: "date", ref, op, value: c.value };
  });
}

/** All three parameters, parsed together; issues of each are reported at once. */
export function parseRecordFilters(
  params: { columnFilters?: string | undefined; numericFilters?: string | undefined; dateFilters?: string | undefined },
  schema: FilterSchema,
): RecordFilter[] {
  const filters: RecordFilter[] = [];
  const issues: FieldIssue[] = [];
  const tryParse = (text: string | undefined, parse: (t: string, s: FilterSchema) => RecordFilter[]) => {
    if (!text) return;
    try {
      filters.push(...parse(text, schema));
    } catch (error) {
      if (!(error instanceof Invalid)) throw error;
      issues.push(...error.issues);
    }
  };
  tryParse(params.columnFilters, parseColumnFilters);
  tryParse(params.numericFilters, parseNumericFilters);
  tryParse(params.dateFilters, parseDateFilters);
  if (issues.length) throw new Invalid(issues.map((i) => i.message).join("; "), issues);
  return filters;
}
