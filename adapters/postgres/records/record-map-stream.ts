import { sql } from "kysely";
import type { MapQuery } from "../../../core/records/record-repository.ts";
import type { TenantHandle } from "../tenant-database.ts";
import { filtersCondition } from "./record-filter-sql.ts";

/**
 * The map stream's rows, each one JSON text built by Postgres: `ST_AsGeoJSON` goes straight
 * into the line, so no geometry is parsed or re-serialised in the process. Read through a
 * cursor (`TenantHandle.stream`), 1,000 rows per FETCH: memory stays flat however many
 * features there are. The bbox test (`&&` on the envelope, then `ST_Intersects`) uses the
 * GiST index on `promoted_gis_1`.
 */
export async function* streamMapFeatures(tenant: TenantHandle, query: MapQuery): AsyncIterable<string> {
  const g = sql.ref("r.promoted_gis_1");
  const conditions = [sql`r.recordset_id = ${query.recordsetId}::uuid`, sql`r.deleted_at is null`, sql`${g} is not null`, filtersCondition("r", query.filters)];
  if (query.bbox) {
    const [minLng, minLat, maxLng, maxLat] = query.bbox;
    conditions.push(sql`st_intersects(${g}, st_makeenvelope(${minLng}::float8, ${minLat}::float8, ${maxLng}::float8, ${maxLat}::float8, 4326))`);
  }
  if (query.geometryTypes?.length) {
    conditions.push(sql`substr(st_geometrytype(${g}), 4) in (${sql.join(query.geometryTypes.map((t) => sql`${t}`))})`);
  }
  const fields = query.fields.length
    ? sql`json_build_object(${sql.join(query.fields.map((key) => sql`${key}::text, r.field_values -> ${key}::text`))})`
    : sql`'{}'::json`;
  const limit = query.limit === undefined ? sql`` : sql`limit ${query.limit}`;
  const rows = tenant.stream(
    () => sql<{ line: string }>`
      select case when f.t = 'Point' then left(f.o, -1) || ',"lat":' || st_y(f.g)::text || ',"lng":' || st_x(f.g)::text || '}' else f.o end as line
      from (
        select ${g} as g, substr(st_geometrytype(${g}), 4) as t,
          json_build_object('id', r.id, 'title', r.title, 'geometry', st_asgeojson(${g}, 7)::json,
            'geometry_type', substr(st_geometrytype(${g}), 4), 'fields', ${fields})::text as o
        from records r
        where ${sql.join(conditions, sql` and `)}
        order by r.id
        ${limit}
      ) f`,
    { chunkSize: 1000 },
  );
  for await (const row of rows) yield row.line;
}
