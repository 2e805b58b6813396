import type { CellValue } from "../ports/tabular-file-reader.ts";
import type { ImportValueType } from "./coerce-value.ts";
import { detectDateFormat, type DateFormat } from "./parse-date.ts";
import { looksLikeGeometry, parseGeometryText } from "./parse-geometry-text.ts";
import { parseMoney, parseNumber, type DecimalSeparator } from "./parse-number.ts";
import { isBooleanWord, isEmail, isPhone, normaliseUrl } from "./text-patterns.ts";

/** The recordset field type a column becomes (latitude and longitude columns pair into one `lat_lng` field). */
export type SuggestedFieldType = Exclude<ImportValueType, "latitude" | "longitude"> | "lat_lng";

export type ColumnInference = {
  column: string;
  type: ImportValueType;
  suggestedFieldType: SuggestedFieldType;
  /**
   * Share (0..1) of the column's non-empty sample values that read as `type`. For `text`, how
   * sure we are it is not typed: 1 when no typed reading came close, lower when one almost did.
   * 0 for a column with no values in the sample.
   */
  confidence: number;
  /** Up to five distinct non-empty values, as written. */
  samples: string[];
  nonEmpty: number;
  empty: number;
  dateFormat?: DateFormat;
  decimalSeparator?: DecimalSeparator;
  /** Currency: the ISO code written in the values, when they agree on one. */
  currency?: string;
};

export type FieldTypeInference = {
  columns: ColumnInference[];
  /** The latitude and longitude columns that together make a location, when both exist. */
  latLng: { latitude: string; longitude: string } | null;
};

export type InferenceOptions = {
  /** Share of values that must read as a type for the column to get it (default 0.9). */
  threshold?: number;
};

const words = (header: string): string[] =>
  header
    .replace(/([a-z])([A-Z])/g, "$1_$2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
const LAT_WORDS = new Set(["lat", "latitude", "ycoord"]);
const LNG_WORDS = new Set(["lng", "lon", "long", "longitude", "xcoord"]);
const PHONE_WORDS = new Set(["phone", "tel", "telephone", "mobile", "cell", "fax", "telefon", "telefono"]);

function hasWord(header: string, set: ReadonlySet<string>): boolean {
  return words(header).some((w) => set.has(w));
}

const asText = (v: CellValue): string => (typeof v === "string" ? v : String(v));

type Candidate = { type: ImportValueType; share: number; extra?: Partial<ColumnInference> };

function share(values: readonly CellValue[], test: (v: CellValue) => boolean): number {
  let n = 0;
  for (const v of values) if (test(v)) n++;
  return n / values.length;
}

function numberIn(v: CellValue, decimal: DecimalSeparator, limit: number): boolean {
  const n = typeof v === "number" ? v : typeof v === "string" ? parseNumber(v, decimal) : null;
  return n !== null && Number.isFinite(n) && Math.abs(n) <= limit;
}

function bestDecimal(values: readonly CellValue[], test: (v: CellValue, d: DecimalSeparator) => boolean): { share: number; decimal: DecimalSeparator } {
  const dot = share(values, (v) => test(v, "."));
  if (dot === 1) return { share: dot, decimal: "." };
  const comma = share(values, (v) => test(v, ","));
  return comma > dot ? { share: comma, decimal: "," } : { share: dot, decimal: "." };
}

function candidates(column: string, values: readonly CellValue[]): Candidate[] {
  const strings = values.filter((v): v is string => typeof v === "string");
  const out: Candidate[] = [];
  if (hasWord(column, LAT_WORDS)) {
    const r = bestDecimal(values, (v, d) => numberIn(v, d, 90));
    out.push({ type: "latitude", share: r.share, extra: { decimalSeparator: r.decimal } });
  }
  if (hasWord(column, LNG_WORDS)) {
    const r = bestDecimal(values, (v, d) => numberIn(v, d, 180));
    out.push({ type: "longitude", share: r.share, extra: { decimalSeparator: r.decimal } });
  }
  out.push({ type: "boolean", share: share(values, (v) => typeof v === "boolean" || (typeof v === "string" && isBooleanWord(v))) });
  if (hasWord(column, PHONE_WORDS)) out.push({ type: "phone", share: share(values, (v) => isPhone(asText(v))) });
  const num = bestDecimal(values, (v, d) => numberIn(v, d, Number.MAX_VALUE));
  out.push({ type: "number", share: num.share, extra: { decimalSeparator: num.decimal } });
  const money = bestDecimal(values, (v, d) => typeof v === "number" || (typeof v === "string" && parseMoney(v, d) !== null));
  const withSymbol = strings.map((v) => parseMoney(v, money.decimal)?.currency).filter((c): c is string => Boolean(c));
  // Money needs symbols on most values; otherwise a plain number column would read as money too.
  if (withSymbol.length >= values.length / 2) {
    const codes = new Set(withSymbol);
    out.push({ type: "currency", share: money.share, extra: { decimalSeparator: money.decimal, ...(codes.size === 1 ? { currency: [...codes][0]! } : {}) } });
  }
  if (strings.length > 0) {
    const date = detectDateFormat(strings);
    if (date) out.push({ type: "date", share: date.matched / values.length, extra: { dateFormat: date.format } });
    out.push({ type: "email", share: share(values, (v) => typeof v === "string" && isEmail(v)) });
    out.push({ type: "url", share: share(values, (v) => typeof v === "string" && normaliseUrl(v, { allowBareDomain: false }) !== null) });
    out.push({ type: "phone", share: share(values, (v) => typeof v === "string" && isPhone(v, { formattedOnly: true })) });
    out.push({ type: "geometry", share: share(values, (v) => typeof v === "string" && looksLikeGeometry(v) && "geometry" in parseGeometryText(v)) });
  }
  return out;
}

function suggested(type: ImportValueType): SuggestedFieldType {
  return type === "latitude" || type === "longitude" ? "lat_lng" : type;
}

/** Infers one column's type from its sample values (see {@link inferFieldTypes}). */
export function inferColumnType(column: string, sample: readonly CellValue[], options: InferenceOptions = {}): ColumnInference {
  const threshold = options.threshold ?? 0.9;
  const values = sample.filter((v) => v !== null && !(typeof v === "string" && v.trim() === ""));
  const samples = [...new Set(values.map(asText))].slice(0, 5);
  const base = { column, samples, nonEmpty: values.length, empty: sample.length - values.length };
  if (values.length === 0) return { ...base, type: "text", suggestedFieldType: "text", confidence: 0 };
  const all = candidates(column, values);
  // Candidates are in order of precedence: the first one that reads enough values wins.
  const winner = all.find((c) => c.share >= threshold);
  if (winner) return { ...base, type: winner.type, suggestedFieldType: suggested(winner.type), confidence: round(winner.share), ...winner.extra };
  const closest = Math.max(...all.map((c) => c.share));
  return { ...base, type: "text", suggestedFieldType: "text", confidence: round(closest < 0.5 ? 1 : 1 - closest) };
}

const round = (n: number): number => Math.round(n * 1000) / 1000;

/**
 * Guesses each column's type from sample rows: number, currency, date (ISO, US m/d/Y, EU
 * d.m.Y, d/m/Y when a day above 12 decides it, month names), boolean, email, url, phone,
 * latitude/longitude (by header name and value range), geometry (WKT or GeoJSON text), or
 * text. A column gets a type when at least 90% of its non-empty values read as it, so a few
 * dirty cells do not turn a numeric column into text; those cells become rejected values.
 */
export function inferFieldTypes(headers: readonly string[], rows: ReadonlyArray<Record<string, CellValue>>, options: InferenceOptions = {}): FieldTypeInference {
  const columns = headers.map((h) =>
    inferColumnType(
      h,
      rows.map((r) => r[h] ?? null),
      options,
    ),
  );
  const lat = columns.find((c) => c.type === "latitude");
  const lng = columns.find((c) => c.type === "longitude");
  return { columns, latLng: lat && lng ? { latitude: lat.column, longitude: lng.column } : null };
}
