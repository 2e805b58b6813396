import type { CellValue } from "../ports/tabular-file-reader.ts";
import { parseDate, type DateFormat } from "./parse-date.ts";
import { parseGeometryText } from "./parse-geometry-text.ts";
import { parseMoney, parseNumber, type DecimalSeparator } from "./parse-number.ts";
import { isEmail, isPhone, normaliseUrl, parseBoolean } from "./text-patterns.ts";

/** What an import turns a cell into; the names match the recordset field types, plus the two halves of a lat/lng pair. */
export const importValueTypes = ["text", "number", "currency", "date", "boolean", "email", "url", "phone", "latitude", "longitude", "geometry"] as const;
export type ImportValueType = (typeof importValueTypes)[number];

export type ValueCoercion = {
  type: ImportValueType;
  /** Dates: the column's format (from inference); other formats are still tried after it. */
  dateFormat?: DateFormat;
  /** Numbers and money: the column's decimal separator (default `.`). */
  decimalSeparator?: DecimalSeparator;
};

/** The typed value (null for an empty cell), or why the cell cannot be one: the reason goes into the error report. */
export type Coerced = { value: unknown } | { problem: string };

const MAX_TEXT = 100_000;

function isEmpty(raw: CellValue | undefined): raw is null | undefined | "" {
  return raw === null || raw === undefined || (typeof raw === "string" && raw.trim() === "");
}

const quote = (raw: CellValue): string => {
  const s = String(raw);
  return JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s);
};

function toNumber(raw: CellValue, decimal: DecimalSeparator | undefined): number | null {
  if (typeof raw === "number") return Number.isFinite(raw) ? raw : null;
  if (typeof raw !== "string") return null;
  return parseNumber(raw, decimal ?? ".") ?? (decimal ? null : parseNumber(raw, ","));
}

function coordinate(raw: CellValue, decimal: DecimalSeparator | undefined, limit: number, what: string): Coerced {
  const n = toNumber(raw, decimal);
  if (n === null) return { problem: `${quote(raw)} is not a ${what}` };
  if (Math.abs(n) > limit) return { problem: `${what} ${n} is out of range (-${limit}..${limit})` };
  return { value: n };
}

/**
 * Turns one cell into the value a record stores for `how.type`: numbers as numbers, dates as
 * `YYYY-MM-DD` or a UTC ISO timestamp, URLs with a scheme, geometries as GeoJSON objects.
 *
 * @example
 * coerceValue("1.234,50 €", { type: "currency", decimalSeparator: "," }) // { value: 1234.5 }
 * coerceValue("31/02/2024", { type: "date", dateFormat: "dmy" })      // { problem: '"31/02/2024" is not a date (dmy)' }
 */
export function coerceValue(raw: CellValue | undefined, how: ValueCoercion): Coerced {
  if (isEmpty(raw)) return { value: null };
  switch (how.type) {
    case "text": {
      const s = String(raw);
      return s.length > MAX_TEXT ? { problem: `text is longer than ${MAX_TEXT} characters` } : { value: s };
    }
    case "number": {
      const n = toNumber(raw, how.decimalSeparator);
      return n === null ? { problem: `${quote(raw)} is not a number` } : { value: n };
    }
    case "currency": {
      if (typeof raw === "number") return Number.isFinite(raw) ? { value: raw } : { problem: "is not a finite amount" };
      const money = typeof raw === "string" ? parseMoney(raw, how.decimalSeparator ?? ".") : null;
      return money ? { value: money.amount } : { problem: `${quote(raw)} is not an amount of money` };
    }
    case "date": {
      if (typeof raw !== "string") return { problem: `${quote(raw)} is not a date` };
      const parsed = (how.dateFormat ? parseDate(raw, how.dateFormat) : null) ?? parseDate(raw, "iso") ?? parseDate(raw, "iso_datetime") ?? (how.dateFormat ? null : parseDate(raw));
      return parsed ? { value: parsed.value } : { problem: `${quote(raw)} is not a date${how.dateFormat ? ` (${how.dateFormat})` : ""}` };
    }
    case "boolean": {
      if (typeof raw === "boolean") return { value: raw };
      if (raw === 1 || raw === 0) return { value: raw === 1 };
      const b = typeof raw === "string" ? parseBoolean(raw) : null;
      return b === null ? { problem: `${quote(raw)} is not true/false or yes/no` } : { value: b };
    }
    case "email": {
      const s = String(raw).trim();
      return isEmail(s) ? { value: s } : { problem: `${quote(raw)} is not an email address` };
    }
    case "url": {
      const url = normaliseUrl(String(raw));
      return url ? { value: url } : { problem: `${quote(raw)} is not a web address` };
    }
    case "phone": {
      const s = String(raw).trim();
      return isPhone(s) ? { value: s } : { problem: `${quote(raw)} is not a phone number` };
    }
    case "latitude":
      return coordinate(raw, how.decimalSeparator, 90, "latitude");
    case "longitude":
      return coordinate(raw, how.decimalSeparator, 180, "longitude");
    case "geometry": {
      if (typeof raw !== "string") return { problem: `${quote(raw)} is not a geometry` };
      const parsed = parseGeometryText(raw);
      return "geometry" in parsed ? { value: parsed.geometry } : { problem: parsed.problem };
    }
  }
}

/**
 * Two columns into one `lat_lng` value `{lat, lng}`: both empty is an empty value, one
 * without the other is a problem (half a location would be a wrong location).
 */
export function coerceLatLng(lat: CellValue | undefined, lng: CellValue | undefined, decimalSeparator?: DecimalSeparator): Coerced {
  if (isEmpty(lat) && isEmpty(lng)) return { value: null };
  if (isEmpty(lat) || isEmpty(lng)) return { problem: isEmpty(lat) ? "longitude given without latitude" : "latitude given without longitude" };
  const a = coordinate(lat, decimalSeparator, 90, "latitude");
  if ("problem" in a) return a;
  const b = coordinate(lng, decimalSeparator, 180, "longitude");
  if ("problem" in b) return b;
  return { value: { lat: a.value, lng: b.value } };
}
