import { Invalid, type FieldIssue } from "../errors.ts";
import type { CellValue, RejectedRow, TabularRow } from "../ports/tabular-file-reader.ts";
import { validateFieldValues, type FieldValues } from "../records/record-values.ts";
import { fieldKeyFromName, type FieldDefinition } from "../recordsets/field-schema.ts";
import { coerceLatLng, coerceValue, type ImportValueType, type ValueCoercion } from "./coerce-value.ts";
import type { FieldMappings } from "./import-jobs.ts";
import type { ColumnInference } from "./infer-field-types.ts";

/** The column name under which a GeoJSON feature's geometry can be mapped. */
export const FEATURE_GEOMETRY_COLUMN = "geometry";

type Step =
  | { kind: "value"; field: FieldDefinition; column: string; coercion: ValueCoercion; list: boolean }
  | { kind: "lat_lng"; field: FieldDefinition; lat: string; lng: string; decimal: ValueCoercion["decimalSeparator"] };

/** How every row of a file becomes a record's values: one step per mapped field. */
export type ImportPlan = { fields: readonly FieldDefinition[]; steps: Step[]; columnOfField: Map<string, string> };

const importTypeOf: Record<FieldDefinition["type"], ImportValueType> = {
  text: "text",
  number: "number",
  currency: "currency",
  date: "date",
  boolean: "boolean",
  select: "text",
  multi_select: "text",
  url: "url",
  email: "email",
  phone: "phone",
  lat_lng: "text",
  geometry: "geometry",
  relation: "text",
};

const LAT_NAME = /(^|[^a-z])(lat|latitude|y)([^a-z]|$)/i;

/**
 * Resolves `mappings` ({file column: field key}, or `key.lat` / `key.lng` for the halves of a
 * lat/lng field) against the recordset's fields. Without mappings, a column maps to the field
 * whose key or name it matches. Throws `Invalid` (field `field_mappings`) for unknown columns
 * or fields, and when a required field gets no column.
 */
export function buildImportPlan(
  fields: readonly FieldDefinition[],
  headers: readonly string[],
  mappings: FieldMappings | undefined,
  inference: readonly ColumnInference[] = [],
  options: { hasFeatureGeometry?: boolean } = {},
): ImportPlan {
  const columns = new Set(headers);
  if (options.hasFeatureGeometry) columns.add(FEATURE_GEOMETRY_COLUMN);
  const issues: FieldIssue[] = [];
  const byKey = new Map(fields.map((f) => [f.key, f]));
  const resolved: Array<[string, string]> = mappings
    ? Object.entries(mappings).filter(([, key]) => key !== "")
    : [...columns].flatMap((column): Array<[string, string]> => {
        const field = fields.find((f) => f.key === column || f.name === column || f.key === fieldKeyFromName(column));
        return field ? [[column, field.key]] : [];
      });
  const inferred = new Map(inference.map((c) => [c.column, c]));
  const steps: Step[] = [];
  const columnOfField = new Map<string, string>();
  const halves = new Map<string, { lat?: string; lng?: string; loose: string[] }>();
  for (const [column, target] of resolved) {
    if (!columns.has(column)) {
      issues.push({ field: `field_mappings.${column}`, message: "is not a column of the file" });
      continue;
    }
    const [key, half] = target.split(".", 2) as [string, string | undefined];
    const field = byKey.get(key);
    if (!field || (half !== undefined && (field.type !== "lat_lng" || (half !== "lat" && half !== "lng")))) {
      issues.push({ field: `field_mappings.${column}`, message: `"${target}" is not a field of the recordset` });
      continue;
    }
    if (field.type === "lat_lng") {
      const pair = halves.get(key) ?? { loose: [] };
      if (half === "lat") pair.lat = column;
      else if (half === "lng") pair.lng = column;
      else pair.loose.push(column);
      halves.set(key, pair);
      continue;
    }
    if (columnOfField.has(key)) {
      issues.push({ field: `field_mappings.${column}`, message: `field "${key}" is already mapped from "${columnOfField.get(key)}"` });
      continue;
    }
    const info = inferred.get(column);
    const coercion: ValueCoercion = { type: importTypeOf[field.type], ...(info?.dateFormat ? { dateFormat: info.dateFormat } : {}), ...(info?.decimalSeparator ? { decimalSeparator: info.decimalSeparator } : {}) };
    steps.push({ kind: "value", field, column, coercion, list: field.type === "multi_select" || field.type === "relation" });
    columnOfField.set(key, column);
  }
  for (const [key, pair] of halves) {
    // Two plain columns mapped to one lat/lng field: the one named like a latitude is the latitude.
    for (const column of pair.loose) {
      if (!pair.lat && (LAT_NAME.test(column) || inferred.get(column)?.type === "latitude")) pair.lat = column;
      else if (!pair.lng) pair.lng = column;
      else if (!pair.lat) pair.lat = column;
    }
    if (!pair.lat || !pair.lng) {
      issues.push({ field: `field_mappings`, message: `the lat/lng field "${key}" needs a latitude and a longitude column (map them to "${key}.lat" and "${key}.lng")` });
      continue;
    }
    const decimal = inferred.get(pair.lat)?.decimalSeparator;
    steps.push({ kind: "lat_lng", field: byKey.get(key)!, lat: pair.lat, lng: pair.lng, decimal });
    columnOfField.set(key, `${pair.lat}+${pair.lng}`);
  }
  for (const field of fields) {
    if (field.required && !columnOfField.has(field.key)) issues.push({ field: "field_mappings", message: `the required field "${field.key}" has no column` });
  }
  if (steps.length === 0 && issues.length === 0) issues.push({ field: "field_mappings", message: "no column of the file maps to a field of the recordset" });
  if (issues.length > 0) throw new Invalid("the field mapping is invalid", issues);
  return { fields, steps, columnOfField };
}

function cellOf(row: TabularRow, column: string): CellValue | undefined {
  if (column === FEATURE_GEOMETRY_COLUMN && row.geometry) return JSON.stringify(row.geometry);
  const raw = row.values[column];
  // Postgres refuses NUL in text and jsonb: drop it rather than fail the batch.
  return typeof raw === "string" && raw.includes("\u0000") ? raw.replaceAll("\u0000", "") : raw;
}

const splitList = (value: unknown): unknown => (typeof value === "string" ? value.split(/\s*[;,|]\s*/).filter(Boolean) : value);

/**
 * One row through the plan: each cell coerced for its field's type, then the values checked
 * against the schema (`validateFieldValues`). Every problem names the file column.
 */
export function applyImportPlan(plan: ImportPlan, row: TabularRow): { values: FieldValues } | { rejected: RejectedRow[] } {
  const values: FieldValues = {};
  const rejected: RejectedRow[] = [];
  for (const step of plan.steps) {
    if (step.kind === "lat_lng") {
      const result = coerceLatLng(cellOf(row, step.lat), cellOf(row, step.lng), step.decimal);
      if ("problem" in result) rejected.push({ rowNumber: row.rowNumber, column: `${step.lat}, ${step.lng}`, reason: result.problem });
      else values[step.field.key] = result.value;
      continue;
    }
    const result = coerceValue(cellOf(row, step.column), step.coercion);
    if ("problem" in result) rejected.push({ rowNumber: row.rowNumber, column: step.column, reason: result.problem });
    else values[step.field.key] = step.list ? splitList(result.value) : result.value;
  }
  if (rejected.length > 0) return { rejected };
  try {
    return { values: validateFieldValues(plan.fields, values) };
  } catch (error) {
    if (!(error instanceof Invalid)) throw error;
    return {
      rejected: error.issues.map((issue) => {
        const key = issue.field.replace(/^field_values\./, "");
        return { rowNumber: row.rowNumber, column: plan.columnOfField.get(key) ?? key, reason: issue.message };
      }),
    };
  }
}
