import { sql, type RawBuilder } from "kysely";
import { dateInstant } from "../../../core/recordsets/promoted-columns.ts";
import type { FieldRef, RecordFilter } from "../../../core/records/record-filters.ts";
import type { RecordSort } from "../../../core/records/record-repository.ts";
import { dateOf } from "./derived-columns-sql.ts";

/*
 * Record filters (core/records/record-filters.ts) as SQL. Column names come only from the
 * fixed set below (never from the request); field keys and values are bound parameters.
 */

const COLUMN = /^(title|created_at|updated_at|promoted_(text_[1-3]|number_[1-3]|date_[12]))$/;

function column(alias: string, name: string): RawBuilder<unknown> {
  if (!COLUMN.test(name)) throw new Error(`not a record column: ${name}`);
  return sql.ref(`${alias}.${name}`);
}

/** The SQL expression of a field, typed by its kind (number, timestamptz, text, jsonb list). */
export function fieldExpr(alias: string, ref: FieldRef): RawBuilder<unknown> {
  if (ref.source !== "jsonb") return column(alias, ref.column);
  const values = sql.ref(`${alias}.field_values`);
  switch (ref.kind) {
    case "number":
      return sql`(case when jsonb_typeof(${values} -> ${ref.key}) = 'number' then (${values} ->> ${ref.key})::float8 end)`;
    case "date":
      return dateOf(values, ref.key);
    case "list":
      return sql`(${values} -> ${ref.key})`;
    default:
      return sql`(${values} ->> ${ref.key})`;
  }
}

function like(value: string, where: "anywhere" | "start"): string {
  const escaped = value.replace(/[\\%_]/g, (c) => `\\${c}`);
  return where === "start" ? `${escaped}%` : `%${escaped}%`;
}

function list(values: readonly (string | number)[]): RawBuilder<unknown> {
  return sql.join(values.map((v) => sql`${v}`));
}

function textCondition(expr: RawBuilder<unknown>, isList: boolean, f: Extract<RecordFilter, { kind: "text" }>): RawBuilder<boolean> {
  const v = f.value;
  if (isList) {
    // Multi-select and relation values are jsonb arrays of strings.
    switch (f.op) {
      case "eq":
        return sql`${expr} @> jsonb_build_array(${String(v)}::text)`;
      case "neq":
        return sql`not coalesce(${expr} @> jsonb_build_array(${String(v)}::text), false)`;
      case "in":
        return sql`${expr} ?| array[${list(v as string[])}]::text[]`;
      case "not_in":
        return sql`not coalesce(${expr} ?| array[${list(v as string[])}]::text[], false)`;
      case "contains":
        return sql`(${expr})::text ilike ${like(String(v), "anywhere")}`;
      case "not_contains":
        return sql`coalesce((${expr})::text, '') not ilike ${like(String(v), "anywhere")}`;
      case "starts_with":
        return sql`exists (select 1 from jsonb_array_elements_text(case when jsonb_typeof(${expr}) = 'array' then ${expr} else '[]'::jsonb end) e where e ilike ${like(String(v), "start")})`;
      case "is_empty":
        return sql`coalesce(${expr}, '[]'::jsonb) in ('[]'::jsonb, 'null'::jsonb)`;
      case "is_not_empty":
        return sql`coalesce(${expr}, '[]'::jsonb) not in ('[]'::jsonb, 'null'::jsonb)`;
    }
  }
  const text = typeof v === "boolean" ? String(v) : v;
  switch (f.op) {
    case "eq":
      return sql`${expr} = ${text as string}`;
    case "neq":
      return sql`${expr} is distinct from ${text as string}`;
    case "in":
      return sql`${expr} in (${list(v as string[])})`;
    case "not_in":
      return sql`(${expr} is null or ${expr} not in (${list(v as string[])}))`;
    case "contains":
      return sql`${expr} ilike ${like(String(v), "anywhere")}`;
    case "not_contains":
      return sql`coalesce(${expr}, '') not ilike ${like(String(v), "anywhere")}`;
    case "starts_with":
      return sql`${expr} ilike ${like(String(v), "start")}`;
    case "is_empty":
      return sql`coalesce(${expr}, '') = ''`;
    case "is_not_empty":
      return sql`coalesce(${expr}, '') <> ''`;
  }
}

function numberCondition(expr: RawBuilder<unknown>, f: Extract<RecordFilter, { kind: "number" }>): RawBuilder<boolean> {
  const v = f.value;
  switch (f.op) {
    case "eq":
      return sql`${expr} = ${v as number}`;
    case "neq":
      return sql`${expr} is distinct from ${v as number}`;
    case "gt":
      return sql`${expr} > ${v as number}`;
    case "gte":
      return sql`${expr} >= ${v as number}`;
    case "lt":
      return sql`${expr} < ${v as number}`;
    case "lte":
      return sql`${expr} <= ${v as number}`;
    case "between": {
      const [min, max] = v as [number, number];
      return sql`${expr} between ${min} and ${max}`;
    }
    case "is_empty":
      return sql`${expr} is null`;
    case "is_not_empty":
      return sql`${expr} is not null`;
  }
}

/** A day covers [its UTC midnight, the next one); a timestamp is an instant. */
function startOf(value: string): string {
  return new Date(dateInstant(value)).toISOString();
}
function endOf(value: string): string {
  const start = new Date(dateInstant(value));
  return value.length === 10 ? new Date(start.getTime() + 86_400_000).toISOString() : start.toISOString();
}

function dateCondition(expr: RawBuilder<unknown>, f: Extract<RecordFilter, { kind: "date" }>): RawBuilder<boolean> {
  const v = f.value;
  switch (f.op) {
    case "on":
      return sql`(${expr} >= ${startOf(v as string)}::timestamptz and ${expr} < ${endOf(v as string)}::timestamptz)`;
    case "before":
      return sql`${expr} < ${startOf(v as string)}::timestamptz`;
    case "after":
      return (v as string).length === 10 ? sql`${expr} >= ${endOf(v as string)}::timestamptz` : sql`${expr} > ${startOf(v as string)}::timestamptz`;
    case "between": {
      const [from, to] = v as [string, string];
      const upper = to.length === 10 ? sql`${expr} < ${endOf(to)}::timestamptz` : sql`${expr} <= ${startOf(to)}::timestamptz`;
      return sql`(${expr} >= ${startOf(from)}::timestamptz and ${upper})`;
    }
    case "last_n_days":
      return sql`(${expr} >= now() - make_interval(days => ${v as number}) and ${expr} <= now())`;
    case "next_n_days":
      return sql`(${expr} >= now() and ${expr} <= now() + make_interval(days => ${v as number}))`;
    case "is_empty":
      return sql`${expr} is null`;
    case "is_not_empty":
      return sql`${expr} is not null`;
  }
}

/** One filter as a boolean SQL expression over the records aliased `alias`. */
export function filterCondition(alias: string, filter: RecordFilter): RawBuilder<boolean> {
  const expr = fieldExpr(alias, filter.ref);
  if (filter.kind === "number") return numberCondition(expr, filter);
  if (filter.kind === "date") return dateCondition(expr, filter);
  return textCondition(expr, filter.ref.kind === "list", filter);
}

/** Every filter ANDed (true when there are none). */
export function filtersCondition(alias: string, filters: readonly RecordFilter[]): RawBuilder<boolean> {
  if (filters.length === 0) return sql<boolean>`true`;
  return sql<boolean>`(${sql.join(filters.map((f) => filterCondition(alias, f)), sql` and `)})`;
}

/** `ORDER BY` for a sort: typed by the field's kind, empty values last, id as tie-breaker. */
export function orderBy(alias: string, sort: RecordSort | undefined): RawBuilder<unknown> {
  const id = sql.ref(`${alias}.id`);
  if (!sort) return sql`${sql.ref(`${alias}.created_at`)} desc, ${id} desc`;
  const direction = sort.order === "asc" ? sql`asc` : sql`desc`;
  return sql`${fieldExpr(alias, sort.ref)} ${direction} nulls last, ${id} ${direction}`;
}

/** A prefix full-text query from free text: every word must match the start of a word. */
export function searchQuery(search: string): string | null {
  const words = search.normalize("NFKC").toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.length === 0 ? null : words.slice(0, 16).map((w) => `${w}:*`).join(" & ");
}
