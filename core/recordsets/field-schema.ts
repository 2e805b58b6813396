import { Invalid, type FieldIssue } from "../errors.ts";

/**
 * A recordset's typed field schema: the columns of an Airtable-like table. Values live in
 * `records.field_values` (jsonb) keyed by `key`; the schema is what validates them
 * (record-values.ts) and what filters and sorts are checked against (record-filters.ts).
 */
export const fieldTypes = [
  "text",
  "number",
  "currency",
  "date",
  "boolean",
  "select",
  "multi_select",
  "url",
  "email",
  "phone",
  "lat_lng",
  "geometry",
  "relation",
] as const;
export type FieldType = (typeof fieldTypes)[number];

export type SelectOption = { value: string; label?: string; color?: string };

export type FieldDefinition = {
  /** Stable key in `field_values`: lower snake case, unique in the recordset. */
  key: string;
  /** Label shown to people. */
  name: string;
  type: FieldType;
  required?: boolean;
  /** Choices of `select` and `multi_select` fields. */
  options?: SelectOption[];
  /** ISO 4217 code of a `currency` field. */
  currency?: string;
  /** Target recordset of a `relation` field. */
  relationRecordsetId?: string;
  /** The field whose value is the record's title (the first text field when none is marked). */
  isPrimary?: boolean;
};

/** Kinds of value used by filters and sorts: how the SQL compares them. */
export type ValueKind = "text" | "number" | "date" | "boolean" | "list" | "geo";

export function valueKindOf(type: FieldType): ValueKind {
  switch (type) {
    case "number":
    case "currency":
      return "number";
    case "date":
      return "date";
    case "boolean":
      return "boolean";
    case "multi_select":
    case "relation":
      return "list";
    case "lat_lng":
    case "geometry":
      return "geo";
    default:
      return "text";
  }
}

const KEY_PATTERN = /^[a-z][a-z0-9_]{0,62}$/;

/** `"Annual Revenue ($)"` -> `"annual_revenue"`: the key a field gets when none is given. */
export function fieldKeyFromName(name: string): string {
  const key = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 60);
  if (!key) return "field";
  return /^[a-z]/.test(key) ? key : `f_${key}`;
}

export type FieldInput = Omit<FieldDefinition, "key"> & { key?: string };

/**
 * Checks and normalises a schema: keys derived from names where missing, made unique only
 * when derived (an explicit duplicate key is an error), select options present, at most one
 * primary field. Throws `Invalid` listing every problem as `fields[i].<prop>`.
 */
export function normaliseFieldSchema(input: readonly FieldInput[]): FieldDefinition[] {
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  const fields: FieldDefinition[] = [];
  input.forEach((field, i) => {
    const at = `fields[${i}]`;
    let key = field.key;
    if (key === undefined) {
      const base = fieldKeyFromName(field.name);
      key = base;
      for (let n = 2; seen.has(key); n++) key = `${base}_${n}`;
    } else if (!KEY_PATTERN.test(key)) {
      issues.push({ field: `${at}.key`, message: "must be lower snake case: a letter, then letters, digits or _ (max 63)" });
    } else if (seen.has(key)) {
      issues.push({ field: `${at}.key`, message: `duplicate key "${key}"` });
    }
    seen.add(key);
    if (!field.name.trim()) issues.push({ field: `${at}.name`, message: "must not be blank" });
    if ((field.type === "select" || field.type === "multi_select") && !(field.options?.length)) {
      issues.push({ field: `${at}.options`, message: `a ${field.type} field needs at least one option` });
    }
    if (field.options) {
      const values = field.options.map((o) => o.value);
      if (new Set(values).size !== values.length) issues.push({ field: `${at}.options`, message: "option values must be unique" });
    }
    if (field.type === "currency" && field.currency !== undefined && !/^[A-Z]{3}$/.test(field.currency)) {
      issues.push({ field: `${at}.currency`, message: "must be an ISO 4217 code such as USD" });
    }
    fields.push({ ...field, key, name: field.name.trim() });
  });
  if (fields.filter((f) => f.isPrimary).length > 1) issues.push({ field: "fields", message: "at most one field can be primary" });
  if (issues.length > 0) throw new Invalid("the field schema is invalid", issues);
  return fields;
}

/** The field whose value titles a record: the primary one, else the first text-like field. */
export function titleField(fields: readonly FieldDefinition[]): FieldDefinition | undefined {
  return fields.find((f) => f.isPrimary) ?? fields.find((f) => valueKindOf(f.type) === "text");
}

/** Looks up `key` in the schema, or throws `Invalid` naming `param` and the unknown key. */
export function requireField(fields: readonly FieldDefinition[], key: string, param: string): FieldDefinition {
  const field = fields.find((f) => f.key === key);
  if (!field) throw new Invalid(`unknown field "${key}"`, [{ field: param, message: `unknown field "${key}"` }]);
  return field;
}
