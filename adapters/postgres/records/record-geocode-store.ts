import { sql, type RawBuilder } from "kysely";
import type { GeocodeTarget } from "../../../core/geocoding/geocode-job.ts";
import { newId } from "../../../core/ids.ts";
import { jsonb } from "../jsonb.ts";
import type { TenantHandle } from "../tenant-database.ts";
import { derivedAssignments, type DerivationSource } from "./derived-columns-sql.ts";

/*
 * The database side of a geocoding job: which records to geocode (keyset batches in id order)
 * and the bulk write of their coordinates: one UPDATE of the values, one INSERT of the
 * versions, one UPDATE of the derived columns (geometry, promoted numbers) per batch.
 */

export type GeocodeSelection = { recordsetId: string; addressFields: readonly string[]; overwrite: boolean };

export type GeocodeCandidate = { id: string; version: number; values: Record<string, unknown> };

export type GeocodedRow = { id: string; version: number; lat: number; lng: number };

/** Not deleted, without a geometry (unless overwriting), with some address text. */
function candidates(q: GeocodeSelection): RawBuilder<boolean> {
  const hasAddress = sql.join(
    q.addressFields.map((key) => sql`coalesce(btrim(r.field_values ->> ${key}), '') <> ''`),
    sql` or `,
  );
  const missing = q.overwrite ? sql`true` : sql`r.promoted_gis_1 is null`;
  return sql<boolean>`r.recordset_id = ${q.recordsetId}::uuid and r.deleted_at is null and ${missing} and (${hasAddress})`;
}

export async function countGeocodeCandidates(tenant: TenantHandle, q: GeocodeSelection): Promise<number> {
  const { rows } = await tenant.transaction((trx) => sql<{ n: number }>`select count(*)::int as n from records r where ${candidates(q)}`.execute(trx), { readOnly: true });
  return rows[0]!.n;
}

/** The next `limit` candidates after `afterId`, with only the address fields' values. */
export async function nextGeocodeBatch(tenant: TenantHandle, q: GeocodeSelection, afterId: string | null, limit: number): Promise<GeocodeCandidate[]> {
  const after = afterId === null ? sql`` : sql`and r.id > ${afterId}::uuid`;
  const picked = sql.join(q.addressFields.map((key) => sql`${key}::text, r.field_values -> ${key}::text`));
  const { rows } = await tenant.transaction(
    (trx) =>
      sql<{ id: string; version: number; values: Record<string, unknown> }>`
        select r.id, r.version, jsonb_build_object(${picked}) as values
        from records r where ${candidates(q)} ${after} order by r.id limit ${limit}`.execute(trx),
    { readOnly: true },
  );
  return rows;
}

/**
 * Writes the coordinates of `rows` into their values (the target's lat/lng field or two number
 * fields), as a new `updated` version by `userId`, and recomputes the derived columns (the
 * geometry included). A record edited since it was read (its version moved on) or deleted is
 * left alone: the person's edit wins. Returns how many records were written.
 */
export async function writeGeocodedBatch(tenant: TenantHandle, source: DerivationSource, target: GeocodeTarget, rows: readonly GeocodedRow[], userId: string | null): Promise<number> {
  if (rows.length === 0) return 0;
  const input = rows.map((r) => ({ id: r.id, version: r.version, version_id: newId(), lat: r.lat, lng: r.lng }));
  const patch =
    target.kind === "lat_lng"
      ? sql`jsonb_build_object(${target.field}::text, jsonb_build_object('lat', i.lat, 'lng', i.lng))`
      : sql`jsonb_build_object(${target.latField}::text, i.lat, ${target.lngField}::text, i.lng)`;
  const assignments = Object.entries(derivedAssignments({ ...source, gis: target })).map(([column, expr]) => sql`${sql.ref(column)} = ${expr}`);
  return await tenant.transaction(async (trx) => {
    const { rows: written } = await sql<{ record_id: string }>`
      with input as (
        select * from jsonb_to_recordset(${jsonb(input)}) as x(id uuid, version int, version_id uuid, lat float8, lng float8)
      ), changed as (
        update records r set field_values = r.field_values || ${patch}, version = r.version + 1, updated_by = ${userId}::uuid, updated_at = now()
        from input i where r.id = i.id and r.version = i.version and r.deleted_at is null
        returning r.id, r.version, r.field_values, r.status, r.tags, i.version_id
      )
      insert into record_versions (id, record_id, version, field_values, status, tags, change_type, changed_by)
      select version_id, id, version, field_values, status, tags, 'updated', ${userId}::uuid from changed
      returning record_id`.execute(trx);
    if (written.length === 0) return 0;
    await sql`update records set ${sql.join(assignments)} where id in (${sql.join(written.map((w) => sql`${w.record_id}::uuid`))})`.execute(trx);
    return written.length;
  });
}
