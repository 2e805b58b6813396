import { sql, type RawBuilder } from "kysely";
import type { ExportQuery, ExportRow, RecordStatus } from "../../../core/records/record-repository.ts";
import { jsonb } from "../jsonb.ts";
import type { TenantHandle } from "../tenant-database.ts";
import { filtersCondition, searchQuery } from "./record-filter-sql.ts";

/*
 * The rows of a recordset export: the record list's conditions (same filter SQL), read through
 * a cursor in id order (UUIDv7: creation order), geometry as GeoJSON text built by Postgres.
 */

/** The WHERE of an export, or null when the search cannot match anything. */
function exportConditions(query: ExportQuery): RawBuilder<boolean> | null {
  const conditions = [
    sql`r.recordset_id = ${query.recordsetId}::uuid`,
    query.status ? sql`r.status = ${query.status}` : sql`r.deleted_at is null`,
    filtersCondition("r", query.filters),
  ];
  const tsquery = query.search ? searchQuery(query.search) : null;
  if (query.search && tsquery === null) return null;
  if (tsquery) conditions.push(sql`r.search_vector @@ to_tsquery('simple', ${tsquery})`);
  if (query.tags?.length) conditions.push(sql`r.tags @> ${jsonb(query.tags)}`);
  return sql<boolean>`${sql.join(conditions, sql` and `)}`;
}

export async function countExportRows(tenant: TenantHandle, query: ExportQuery): Promise<number> {
  const where = exportConditions(query);
  if (!where) return 0;
  const { rows } = await tenant.transaction((trx) => sql<{ n: number }>`select count(*)::int as n from records r where ${where}`.execute(trx), { readOnly: true });
  return rows[0]!.n;
}

type Row = {
  id: string;
  title: string | null;
  field_values: Record<string, unknown>;
  status: RecordStatus;
  tags: string[];
  geometry: string | null;
  created_at: Date | string;
  updated_at: Date | string;
};

const asDate = (v: Date | string): Date => (v instanceof Date ? v : new Date(v));

export async function* streamExportRows(tenant: TenantHandle, query: ExportQuery, options: { chunkSize?: number } = {}): AsyncIterable<ExportRow> {
  const where = exportConditions(query);
  if (!where) return;
  const rows = tenant.stream(
    () => sql<Row>`
      select r.id, r.title, r.field_values, r.status, r.tags, st_asgeojson(r.promoted_gis_1, 7) as geometry, r.created_at, r.updated_at
      from records r where ${where} order by r.id`,
    { chunkSize: options.chunkSize ?? 1000 },
  );
  for await (const row of rows) {
    yield {
      id: row.id,
      title: row.title,
      fieldValues: row.field_values,
      status: row.status,
      tags: row.tags,
      geometry: row.geometry,
      createdAt: asDate(row.created_at),
      updatedAt: asDate(row.updated_at),
    };
  }
}
