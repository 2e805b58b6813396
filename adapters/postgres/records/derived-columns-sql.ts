import { sql, type RawBuilder } from "kysely";
import type { FieldDefinition } from "../../../core/recordsets/field-schema.ts";
import { titleField } from "../../../core/recordsets/field-schema.ts";
import { PROMOTED_SLOTS, type GisSource, type PromotedMapping } from "../../../core/recordsets/promoted-columns.ts";

/**
 * The SQL twin of core's `deriveColumns`: title, promoted columns and geometry computed
 * from `field_values` inside Postgres, for bulk recomputation (resync, GIS backfill, imports)
 * without reading rows into the process. Keys are bound as parameters.
 */
export type DerivationSource = { fields: readonly FieldDefinition[]; promoted: PromotedMapping; gis: GisSource | null };

function value(key: string): RawBuilder<unknown> {
  return sql`field_values -> ${key}`;
}

function numberOf(key: string): RawBuilder<number | null> {
  return sql`case when jsonb_typeof(${value(key)}) = 'number' then (${value(key)})::float8 end`;
}

/**
 * A date field as timestamptz: a day (`YYYY-MM-DD`) is its UTC midnight whatever the
 * session time zone (core's `dateInstant`); values were validated as ISO 8601 on write.
 */
export function dateOf(values: RawBuilder<unknown>, key: string): RawBuilder<Date | null> {
  const text = sql`(${values} ->> ${key})`;
  return sql`case when jsonb_typeof(${values} -> ${key}) = 'string' then (case when length(${text}) = 10 then ${text} || 'T00:00:00Z' else ${text} end)::timestamptz end`;
}

/** The record geometry under `source` (null where the values hold none). */
export function geometrySql(source: GisSource | null): RawBuilder<unknown> {
  if (!source) return sql`null`;
  if (source.kind === "geometry") {
    return sql`case when jsonb_typeof(${value(source.field)}) = 'object' then st_setsrid(st_geomfromgeojson((${value(source.field)})::text), 4326) end`;
  }
  const [lat, lng] =
    source.kind === "lat_lng"
      ? [sql`case when jsonb_typeof(${value(source.field)} -> 'lat') = 'number' then (${value(source.field)} ->> 'lat')::float8 end`, sql`case when jsonb_typeof(${value(source.field)} -> 'lng') = 'number' then (${value(source.field)} ->> 'lng')::float8 end`]
      : [numberOf(source.latField), numberOf(source.lngField)];
  return sql`case when ${lat} between -90 and 90 and ${lng} between -180 and 180 then st_setsrid(st_makepoint(${lng}, ${lat}), 4326) end`;
}

/** `SET` assignments recomputing title, every promoted slot and the geometry. */
export function derivedAssignments(source: DerivationSource): Record<string, RawBuilder<unknown>> {
  const out: Record<string, RawBuilder<unknown>> = {};
  for (const kind of ["text", "number", "date"] as const) {
    for (let i = 0; i < PROMOTED_SLOTS[kind]; i++) {
      const key = source.promoted[kind][i];
      const column = `promoted_${kind}_${i + 1}`;
      if (key === undefined) out[column] = sql`null`;
      else if (kind === "number") out[column] = numberOf(key);
      else if (kind === "date") out[column] = dateOf(sql`field_values`, key);
      else out[column] = sql`left(case when jsonb_typeof(${value(key)}) = 'string' then field_values ->> ${key} else (${value(key)})::text end, 1000)`;
    }
  }
  const title = titleField(source.fields);
  out.title = title ? sql`left(case when jsonb_typeof(${value(title.key)}) = 'string' then field_values ->> ${title.key} else (${value(title.key)})::text end, 500)` : sql`null`;
  out.promoted_gis_1 = geometrySql(source.gis);
  return out;
}
