import type { Geometry } from "../records/geometry.ts";
import { pointGeometry } from "../records/geometry.ts";
import type { FieldValues } from "../records/record-values.ts";
import { titleField, valueKindOf, type FieldDefinition } from "./field-schema.ts";

/**
 * Promoted columns: real, indexed columns of `records` that mirror chosen fields of
 * `field_values`, so filters and sorts on them use B-tree indexes instead of scanning jsonb.
 * Slots: `promoted_text_1..3`, `promoted_number_1..3`, `promoted_date_1..2`, and
 * `promoted_gis_1` (the record's geometry, GiST-indexed). A recordset's mapping says which
 * field fills which slot; fields without a slot are still filterable (from jsonb, slower).
 */
export const PROMOTED_SLOTS = { text: 3, number: 3, date: 2 } as const;
export type PromotedKind = keyof typeof PROMOTED_SLOTS;

export type PromotedMapping = { text: string[]; number: string[]; date: string[] };

/** Where a recordset's geometry comes from: a geometry or lat/lng field, or two number fields. */
export type GisSource = { kind: "geometry"; field: string } | { kind: "lat_lng"; field: string } | { kind: "lat_lng_fields"; latField: string; lngField: string };

/** Fills the slots in schema order: the first text-like, number-like and date fields win. */
export function promotedMappingFor(fields: readonly FieldDefinition[]): PromotedMapping {
  const pick = (kind: PromotedKind, accepts: (f: FieldDefinition) => boolean) =>
    fields.filter(accepts).slice(0, PROMOTED_SLOTS[kind]).map((f) => f.key);
  return {
    text: pick("text", (f) => valueKindOf(f.type) === "text"),
    number: pick("number", (f) => valueKindOf(f.type) === "number"),
    date: pick("date", (f) => f.type === "date"),
  };
}

/** The default GIS source: the first geometry field, else the first lat/lng field. */
export function defaultGisSource(fields: readonly FieldDefinition[]): GisSource | null {
  const geometry = fields.find((f) => f.type === "geometry");
  if (geometry) return { kind: "geometry", field: geometry.key };
  const latLng = fields.find((f) => f.type === "lat_lng");
  return latLng ? { kind: "lat_lng", field: latLng.key } : null;
}

export function samePromotedMapping(a: PromotedMapping, b: PromotedMapping): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The promoted column holding `key`, when it has one. */
export function promotedColumnOf(mapping: PromotedMapping, key: string): { kind: PromotedKind; column: string } | null {
  for (const kind of ["number", "date", "text"] as const) {
    const i = mapping[kind].indexOf(key);
    if (i >= 0) return { kind, column: `promoted_${kind}_${i + 1}` };
  }
  return null;
}

export type DerivedColumns = {
  title: string | null;
  promoted: Record<string, string | number | null>;
  geometry: Geometry | null;
};

/** A day (`YYYY-MM-DD`) is stored as its UTC midnight, whatever the server's time zone. */
export function dateInstant(value: string): string {
  return value.length === 10 ? `${value}T00:00:00Z` : value;
}

function asText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** The geometry of a record under `source`, or null when its values hold none. */
export function geometryOf(source: GisSource | null, values: FieldValues): Geometry | null {
  if (!source) return null;
  if (source.kind === "geometry") return (values[source.field] as Geometry | null | undefined) ?? null;
  if (source.kind === "lat_lng") {
    const pair = values[source.field] as { lat: number; lng: number } | null | undefined;
    return pair ? pointGeometry(pair.lat, pair.lng) : null;
  }
  const lat = Number(values[source.latField]);
  const lng = Number(values[source.lngField]);
  const present = values[source.latField] != null && values[source.lngField] != null;
  return present && Number.isFinite(lat) && Number.isFinite(lng) && Math.abs(lat) <= 90 && Math.abs(lng) <= 180 ? pointGeometry(lat, lng) : null;
}

/** What a record's title, promoted columns and geometry are, given its (validated) values. */
export function deriveColumns(
  recordset: { fields: readonly FieldDefinition[]; promoted: PromotedMapping; gis: GisSource | null },
  values: FieldValues,
): DerivedColumns {
  const promoted: Record<string, string | number | null> = {};
  for (const kind of ["text", "number", "date"] as const) {
    for (let i = 0; i < PROMOTED_SLOTS[kind]; i++) {
      const key = recordset.promoted[kind][i];
      const raw = key === undefined ? null : values[key];
      promoted[`promoted_${kind}_${i + 1}`] =
        raw === null || raw === undefined ? null : kind === "number" ? Number(raw) : kind === "date" ? dateInstant(String(raw)) : asText(raw)!.slice(0, 1000);
    }
  }
  const title = titleField(recordset.fields);
  return {
    title: title ? (asText(values[title.key])?.slice(0, 500) ?? null) : null,
    promoted,
    geometry: geometryOf(recordset.gis, values),
  };
}
