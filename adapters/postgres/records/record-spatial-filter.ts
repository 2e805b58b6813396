import { sql, type RawBuilder, type Transaction } from "kysely";
import type { SpatialQuery } from "../../../core/records/record-repository.ts";
import type { TenantDatabase } from "../tenant-schema.ts";
import { filtersCondition } from "./record-filter-sql.ts";

/*
 * Spatial filter: target records related to the geometries of a (filtered) source recordset.
 *
 * Distances are geography-correct metres (`::geography`), but a geography cast cannot use the
 * GiST index on the geometry column, so each test is preceded by a bounding-box prefilter the
 * index answers: the source geometry's box grown by the buffer in degrees. One degree of
 * latitude is at least 110,574 m; a degree of longitude is 111,320 m x cos(latitude), taken
 * at the box's latitude furthest from the equator (capped at 89.9 degrees), so the grown box
 * always contains the true buffer and the exact test discards the rest.
 */

const g = (alias: string) => sql.ref(`${alias}.promoted_gis_1`);

function grownBox(source: RawBuilder<unknown>, meters: number): RawBuilder<unknown> {
  const dLat = meters / 110_574;
  const furthest = sql`least(greatest(abs(st_ymin(${source})), abs(st_ymax(${source}))) + ${dLat}::float8, 89.9)`;
  const dLng = sql`(${meters}::float8 / (111320 * cos(radians(${furthest}))))`;
  return sql`st_expand(${source}, ${dLng}, ${dLat}::float8)`;
}

/** The relation test between the target row `t` and the source row `s`. */
function relation(operation: SpatialQuery["operation"], meters: number): RawBuilder<boolean> {
  const [t, s] = [g("t"), g("s")];
  if (operation === "within_distance" || ((operation === "intersects" || operation === "exclude") && meters > 0)) {
    return sql`${t} && ${grownBox(s, meters)} and st_dwithin(${t}::geography, ${s}::geography, ${meters}::float8)`;
  }
  if (operation === "within") {
    if (meters > 0) return sql`${t} && ${grownBox(s, meters)} and st_within(${t}, st_buffer(${s}::geography, ${meters}::float8)::geometry)`;
    return sql`st_within(${t}, ${s})`;
  }
  return sql`st_intersects(${t}, ${s})`;
}

export async function spatialFilterIds(trx: Transaction<TenantDatabase>, query: SpatialQuery): Promise<{ ids: string[]; truncated: boolean }> {
  const meters = query.bufferMeters ?? 0;
  const match = sql`exists (
    select 1 from records s
    where s.recordset_id = ${query.sourceRecordsetId}::uuid and s.deleted_at is null and ${g("s")} is not null
      and ${filtersCondition("s", query.sourceFilters)} and ${relation(query.operation, meters)})`;
  const { rows } = await sql<{ id: string }>`
    select t.id from records t
    where t.recordset_id = ${query.targetRecordsetId}::uuid and t.deleted_at is null and ${g("t")} is not null
      and ${query.operation === "exclude" ? sql`not ${match}` : match}
    order by t.id
    limit ${query.limit + 1}`.execute(trx);
  const truncated = rows.length > query.limit;
  return { ids: rows.slice(0, query.limit).map((r) => r.id), truncated };
}
