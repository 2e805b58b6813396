import { sql } from "kysely";
import type { DatabaseHandle } from "../../adapters/postgres/open-database.ts";
import { geometrySql } from "../../adapters/postgres/records/derived-columns-sql.ts";
import { tenantDatabase } from "../../adapters/postgres/tenant-database.ts";
import { PermanentJobError, type JobHandler } from "../../core/jobs/job-handler.ts";
import type { GisSource } from "../../core/recordsets/promoted-columns.ts";
import { parseGisBackfillPayload, RECORDSETS_GIS_BACKFILL_JOB, type GisBackfillResult } from "../../core/recordsets/recordset-map-backfill.ts";

export { RECORDSETS_GIS_BACKFILL_JOB };

/** What the backfill needs; the app's `Services` satisfies it. */
export type RecordsetsGisBackfillServices = { database: DatabaseHandle };

/** Rows per UPDATE: big enough to amortise round trips, small enough to keep row locks short. */
export const GIS_BACKFILL_BATCH = 5_000;

type BatchRow = { last_id: string | null; processed: number; with_geometry: number };

/**
 * `recordsets.gis-backfill`: recomputes `records.promoted_gis_1` of one recordset from its
 * current GIS source (re-read at run time, so the latest mapping wins), in batches keyed by
 * id ranges, each its own short transaction, with progress after each batch. The geometry
 * is computed inside Postgres (the SQL twin of core's `geometryOf`); coordinates out of range
 * and invalid shapes give none rather than failing the batch. Safe to run again: it only
 * rewrites derived data. Stops between batches when cancelled.
 */
export function recordsetsGisBackfillHandler(services: RecordsetsGisBackfillServices, options: { batchSize?: number } = {}): JobHandler {
  const batchSize = options.batchSize ?? GIS_BACKFILL_BATCH;
  return async ({ job, signal, reportProgress }) => {
    const payload = parseGisBackfillPayload(job.payload);
    if (!payload || payload.workspaceId !== job.workspaceId) throw new PermanentJobError("gis backfill payload is malformed");
    const tenant = tenantDatabase(services.database, payload.schemaName);
    const start = await tenant.transaction(async (trx) => {
      const recordset = await trx.selectFrom("recordsets").select("gis").where("id", "=", payload.recordsetId).executeTakeFirst();
      if (!recordset) return null;
      const { total } = await trx
        .selectFrom("records")
        .select(sql<number>`count(*)::int`.as("total"))
        .where("recordset_id", "=", payload.recordsetId)
        .executeTakeFirstOrThrow();
      return { gis: (recordset.gis as GisSource | null) ?? null, total };
    });
    // The recordset was purged since: nothing to fill.
    if (!start) return { recordset_id: payload.recordsetId, processed: 0, with_geometry: 0, batches: 0 } satisfies GisBackfillResult;

    const geometry = geometrySql(start.gis);
    const result: GisBackfillResult = { recordset_id: payload.recordsetId, processed: 0, with_geometry: 0, batches: 0 };
    reportProgress(0, `${start.total} records to map`, "backfill");
    let lastId: string | null = null;
    for (;;) {
      if (signal.aborted) throw signal.reason;
      const after = lastId === null ? sql`` : sql`and id > ${lastId}`;
      const batch: BatchRow = await tenant.transaction(async (trx) => {
        const { rows } = await sql<BatchRow>`
          with batch as (
            select id, ${geometry} as g from records
            where recordset_id = ${payload.recordsetId} ${after}
            order by id limit ${batchSize}
          ), updated as (
            update records r set promoted_gis_1 = case when st_isvalid(b.g) then b.g end
            from batch b where r.id = b.id
            returning r.promoted_gis_1 is not null as has_geometry
          )
          select (select id::text from batch order by id desc limit 1) as last_id,
                 (select count(*)::int from updated) as processed,
                 (select count(*)::int from updated where has_geometry) as with_geometry`.execute(trx);
        return rows[0]!;
      });
      if (batch.processed === 0 || batch.last_id === null) break;
      lastId = batch.last_id;
      result.processed += batch.processed;
      result.with_geometry += batch.with_geometry;
      result.batches += 1;
      const total = Math.max(start.total, result.processed);
      reportProgress((result.processed / total) * 100, `${result.processed} of ${total} records mapped`, "backfill");
      if (batch.processed < batchSize) break;
    }
    reportProgress(100, `${result.processed} records mapped, ${result.with_geometry} with a geometry`, "done");
    return result;
  };
}
