import type { FieldDefinition } from "../recordsets/field-schema.ts";
import type { ExportRow } from "../records/record-repository.ts";

/** One column of a tabular export: its header and how a record fills it. */
export type ExportColumn = { header: string; cell(row: ExportRow): string | number | boolean | null };

/**
 * The columns of a CSV or XLSX export, one per field in the order given (a lat/lng field gives
 * two, `<name>.lat` and `<name>.lng`, the halves an import maps back). Headers are the field
 * names people see; a repeated name falls back to the field's key so columns stay distinct.
 */
export function exportColumns(fields: readonly FieldDefinition[]): ExportColumn[] {
  const seen = new Set<string>();
  const headerOf = (field: FieldDefinition): string => {
    const header = seen.has(field.name) ? field.key : field.name;
    seen.add(header);
    return header;
  };
  return fields.flatMap((field): ExportColumn[] => {
    const header = headerOf(field);
    if (field.type === "lat_lng") {
      const half = (which: "lat" | "lng") => (row: ExportRow) => {
        const pair = row.fieldValues[field.key] as { lat?: unknown; lng?: unknown } | null | undefined;
        const v = pair && typeof pair === "object" ? pair[which] : null;
        return typeof v === "number" ? v : null;
      };
      return [
        { header: `${header}.lat`, cell: half("lat") },
        { header: `${header}.lng`, cell: half("lng") },
      ];
    }
    return [{ header, cell: (row) => cellValue(row.fieldValues[field.key]) }];
  });
}

/** A stored value as a spreadsheet cell: lists joined with "; ", objects (geometries) as JSON. */
export function cellValue(value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (Array.isArray(value) && value.every((v) => typeof v === "string" || typeof v === "number")) return value.join("; ");
  return JSON.stringify(value);
}

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Neutralises CSV/formula injection (OWASP): a text cell starting with `=`, `+`, `-`, `@`, tab
 * or carriage return is what a spreadsheet would run as a formula, so it gets a leading
 * apostrophe. Numbers stay numbers (a negative number is not a formula).
 */
export function neutraliseFormula(value: string | number | boolean | null): string | number | boolean | null {
  return typeof value === "string" && FORMULA_START.test(value) ? `'${value}` : value;
}
