import { Invalid, type FieldIssue } from "../errors.ts";
import { isUuid } from "../ids.ts";
import { UNSTORABLE_TEXT, unstorablePath } from "../text/storable-text.ts";
import type { FieldDefinition } from "../recordsets/field-schema.ts";
import { checkLatLng, geometryProblem } from "./geometry.ts";

export type FieldValues = Record<string, unknown>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[\d\s().-]{5,32}$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const MAX_TEXT = 100_000;

type Coerced = { value: unknown } | { problem: string };

function toNumber(raw: unknown): Coerced {
  if (typeof raw === "number" && Number.isFinite(raw)) return { value: raw };
  // Numeric strings are accepted (forms and spreadsheets send them): "1,234.5" is not, to
  // avoid guessing the locale.
  if (typeof raw === "string" && raw.trim() !== "" && Number.isFinite(Number(raw))) return { value: Number(raw) };
  return { problem: "must be a number" };
}

/** Dates are stored as ISO 8601: `YYYY-MM-DD` for a day, a full UTC timestamp otherwise. */
function toDate(raw: unknown): Coerced {
  if (typeof raw !== "string") return { problem: "must be an ISO 8601 date string" };
  if (DATE_ONLY.test(raw)) {
    const d = new Date(`${raw}T00:00:00Z`);
    return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== raw ? { problem: "is not a real date" } : { value: raw };
  }
  const d = new Date(raw);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(raw) || Number.isNaN(d.getTime())) return { problem: "must be an ISO 8601 date (YYYY-MM-DD) or date-time" };
  return { value: d.toISOString() };
}

function optionValues(field: FieldDefinition): Set<string> | null {
  return field.options?.length ? new Set(field.options.map((o) => o.value)) : null;
}

function coerce(field: FieldDefinition, raw: unknown): Coerced {
  switch (field.type) {
    case "text":
      if (typeof raw !== "string") return { problem: "must be a string" };
      return raw.length > MAX_TEXT ? { problem: `must be at most ${MAX_TEXT} characters` } : { value: raw };
    case "number":
    case "currency":
      return toNumber(raw);
    case "date":
      return toDate(raw);
    case "boolean":
      if (typeof raw === "boolean") return { value: raw };
      if (raw === "true" || raw === "false") return { value: raw === "true" };
      return { problem: "must be true or false" };
    case "select": {
      if (typeof raw !== "string") return { problem: "must be a string" };
      const allowed = optionValues(field);
      return allowed && !allowed.has(raw) ? { problem: `must be one of: ${[...allowed].join(", ")}` } : { value: raw };
    }
    case "multi_select": {
      if (!Array.isArray(raw) || raw.some((v) => typeof v !== "string")) return { problem: "must be a list of strings" };
      const allowed = optionValues(field);
      const bad = allowed ? raw.filter((v) => !allowed.has(v)) : [];
      return bad.length ? { problem: `unknown option(s) ${bad.join(", ")}` } : { value: [...new Set(raw)] };
    }
    case "url": {
      if (typeof raw !== "string") return { problem: "must be a URL string" };
      try {
        const url = new URL(raw);
        return url.protocol === "http:" || url.protocol === "https:" ? { value: raw } : { problem: "must be an http(s) URL" };
      } catch {
        return { problem: "must be a valid URL" };
      }
    }
    case "email":
      return typeof raw === "string" && EMAIL.test(raw.trim()) ? { value: raw.trim() } : { problem: "must be an email address" };
    case "phone":
      return typeof raw === "string" && PHONE.test(raw.trim()) ? { value: raw.trim() } : { problem: "must be a phone number" };
    case "lat_lng": {
      const pair = raw as { lat?: unknown; lng?: unknown } | null;
      if (typeof pair !== "object" || pair === null) return { problem: "must be an object {lat, lng}" };
      const problem = checkLatLng(pair.lat, pair.lng);
      return problem ? { problem } : { value: { lat: pair.lat, lng: pair.lng } };
    }
    case "geometry": {
      const problem = geometryProblem(raw);
      return problem ? { problem } : { value: raw };
    }
    case "relation": {
      const ids = Array.isArray(raw) ? raw : [raw];
      return ids.every((id) => typeof id === "string" && isUuid(id)) ? { value: [...new Set(ids)] } : { problem: "must be a record id or a list of record ids" };
    }
  }
}

/**
 * Validates `values` against the recordset schema and returns them normalised (numbers from
 * numeric strings, ISO dates, de-duplicated lists). `null` clears a field. Unknown keys and
 * missing required fields are errors. With `partial`, only the given keys are checked for
 * presence (a PATCH); `required` then applies to the merged result the caller builds.
 * Throws `Invalid` listing every bad field as `field_values.<key>`.
 */
export function validateFieldValues(fields: readonly FieldDefinition[], values: FieldValues, options: { partial?: boolean } = {}): FieldValues {
  const issues: FieldIssue[] = [];
  const byKey = new Map(fields.map((f) => [f.key, f]));
  const out: FieldValues = {};
  for (const [key, raw] of Object.entries(values)) {
    const field = byKey.get(key);
    if (!field) {
      issues.push({ field: `field_values.${key}`, message: "is not a field of this recordset" });
      continue;
    }
    if (raw === null || raw === undefined) {
      if (field.required) issues.push({ field: `field_values.${key}`, message: "is required" });
      else out[key] = null;
      continue;
    }
    const result = coerce(field, raw);
    if ("problem" in result) issues.push({ field: `field_values.${key}`, message: result.problem });
    else if (unstorablePath(result.value) !== null) issues.push({ field: `field_values.${key}`, message: UNSTORABLE_TEXT });
    else out[key] = result.value;
  }
  if (!options.partial) {
    for (const field of fields) {
      if (field.required && !(field.key in values)) issues.push({ field: `field_values.${field.key}`, message: "is required" });
    }
  }
  if (issues.length > 0) throw new Invalid("some field values are invalid", issues);
  return out;
}

/** Tags: trimmed, non-empty, unique, at most 50 of at most 100 characters. */
export function normaliseTags(tags: readonly string[]): string[] {
  const out = [...new Set(tags.map((t) => t.trim()).filter(Boolean))];
  const issues: FieldIssue[] = [];
  if (out.length > 50) issues.push({ field: "tags", message: "at most 50 tags" });
  const long = out.find((t) => t.length > 100);
  if (long) issues.push({ field: "tags", message: `tag "${long.slice(0, 20)}…" is longer than 100 characters` });
  if (issues.length) throw new Invalid("tags are invalid", issues);
  return out;
}
