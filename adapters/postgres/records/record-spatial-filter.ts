import { sql, type RawBuilder, type Transaction } from "kysely";
import type { SpatialQuery } from "../../../core/records/record-repository.ts";
import type { TenantDatabase } from "../tenant-schema.ts";
import { filtersCondition } from "./record-filter-sql.ts";

/*
 * Spatial filter: target records related to the geometries of a (filtered) source recordset.
 *
 * Distances are geography-correct metres (`::geography`), but a geography cast cannot use the
 * GiST index on the geometry column, so each test is preceded by a bounding-box prefilter the
 * index answers: a geometry's box grown by the buffer in degrees. One degree of latitude is at
 * least 110,574 m; a degree of longitude is 111,320 m x cos(latitude), taken at the box's
 * latitude furthest from the equator (capped at 89.9 degrees), so the grown box always contains
 * the true buffer and the exact test discards the rest.
 *
 * The prefilter is written both ways (`t && grown(s)` and `s && grown(t)`): distance is
 * symmetric, and each form is indexable on one side only, so the planner can drive the join
 * from whichever side is smaller (1,000 sources against 1M targets: 1,000 index probes on the
 * targets, not 1M probes on the sources). For the same reason the positive operations are a
 * join + DISTINCT rather than EXISTS: Postgres runs a semi-join on a non-equality condition
 * with the target as the outer side only. `exclude` is an anti-join, where every target must
 * be looked at anyway; there the `s && grown(t)` form lets each target probe the index.
 * Checked with EXPLAIN on Postgres 15+ (bench/suites/records.ts seeds 1M points): the
 * within_distance plan is a nested loop over the source rows with a GiST index scan on
 * `records_gis_idx` for the targets.
 */

const g = (alias: string) => sql.ref(`${alias}.promoted_gis_1`);

function grownBox(geometry: RawBuilder<unknown>, meters: number): RawBuilder<unknown> {
  const dLat = meters / 110_574;
  const furthest = sql`least(greatest(abs(st_ymin(${geometry})), abs(st_ymax(${geometry}))) + ${dLat}::float8, 89.9)`;
  const dLng = sql`(${meters}::float8 / (111320 * cos(radians(${furthest}))))`;
  return sql`st_expand(${geometry}, ${dLng}, ${dLat}::float8)`;
}

/** Boxes within `meters` of each other, tested so that either side's index can answer. */
function near(meters: number): RawBuilder<boolean> {
  const [t, s] = [g("t"), g("s")];
  return sql`${t} && ${grownBox(s, meters)} and ${s} && ${grownBox(t, meters)}`;
}

/** The relation test between the target row `t` and the source row `s`. */
function relation(operation: SpatialQuery["operation"], meters: number): RawBuilder<boolean> {
  const [t, s] = [g("t"), g("s")];
  if (operation === "within_distance" || ((operation === "intersects" || operation === "exclude") && meters > 0)) {
    return sql`${near(meters)} and st_dwithin(${t}::geography, ${s}::geography, ${meters}::float8)`;
  }
  if (operation === "within") {
    if (meters > 0) return sql`${near(meters)} and st_within(${t}, st_buffer(${s}::geography, ${meters}::float8)::geometry)`;
    return sql`st_within(${t}, ${s})`;
  }
  return sql`st_intersects(${t}, ${s})`;
}

export async function spatialFilterIds(trx: Transaction<TenantDatabase>, query: SpatialQuery): Promise<{ ids: string[]; truncated: boolean }> {
  const meters = query.bufferMeters ?? 0;
  const target = sql`t.recordset_id = ${query.targetRecordsetId}::uuid and t.deleted_at is null and ${g("t")} is not null`;
  const source = sql`s.recordset_id = ${query.sourceRecordsetId}::uuid and s.deleted_at is null and ${g("s")} is not null
    and ${filtersCondition("s", query.sourceFilters)}`;
  const limit = query.limit + 1;
  const { rows } =
    query.operation === "exclude"
      ? await sql<{ id: string }>`
          select t.id from records t
          where ${target} and not exists (select 1 from records s where ${source} and ${relation(query.operation, meters)})
          order by t.id
          limit ${limit}`.execute(trx)
      : await sql<{ id: string }>`
          select distinct t.id from records s
          join records t on ${target} and ${relation(query.operation, meters)}
          where ${source}
          order by t.id
          limit ${limit}`.execute(trx);
  const truncated = rows.length > query.limit;
  return { ids: rows.slice(0, query.limit).map((r) => r.id), truncated };
}
