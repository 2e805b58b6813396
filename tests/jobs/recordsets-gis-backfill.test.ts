import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tenantDatabase } from "../../adapters/postgres/tenant-database.ts";
import type { Actor } from "../../core/auth/actor.ts";
import { PermanentJobError } from "../../core/jobs/job-handler.ts";
import { createRecord } from "../../core/records/create-record.ts";
import { createRecordset } from "../../core/recordsets/create-recordset.ts";
import { enableRecordsetMapMode } from "../../core/recordsets/enable-recordset-map-mode.ts";
import type { Job } from "../../core/ports/job-queue.ts";
import { recordsetsGisBackfillHandler, RECORDSETS_GIS_BACKFILL_JOB } from "../../jobs/handlers/recordsets-gis-backfill.ts";
import { createJobRegistry } from "../../jobs/registry.ts";
import { actorOf, createTestApp, type TestApp, type TestWorkspace } from "../support/test-app.ts";

// recordsets.gis-backfill: map mode's batch fill of promoted_gis_1, on PGlite or Postgres+PostGIS.
let t: TestApp;
let ws: TestWorkspace;
let actor: Actor;
beforeAll(async () => {
  t = await createTestApp();
  ws = await t.createWorkspace();
  actor = actorOf(ws);
});
afterAll(async () => t.close());

/** Runs the handler on `job` as a worker would, collecting the progress it reports. */
async function run(job: Job, options: { batchSize?: number; signal?: AbortSignal } = {}) {
  const progress: { percent: number; message: string | null | undefined }[] = [];
  const handler = recordsetsGisBackfillHandler(t.services, { batchSize: options.batchSize ?? 2 });
  const result = await handler({ job, signal: options.signal ?? new AbortController().signal, reportProgress: (percent, message) => progress.push({ percent, message }) });
  return { result, progress };
}

async function geometries(recordsetId: string): Promise<Record<string, string | null>> {
  const rows = await tenantDatabase(t.database, ws.schemaName).transaction((trx) =>
    trx.selectFrom("records").select(["title", sql<string | null>`st_astext(promoted_gis_1)`.as("wkt")]).where("recordset_id", "=", recordsetId).execute(),
  );
  return Object.fromEntries(rows.map((r) => [r.title!, r.wkt]));
}

describe("recordsets.gis-backfill", () => {
  it("is registered when the registry gets the recordsets services", () => {
    expect(createJobRegistry({ db: t.database.db, recordsets: t.services }).has(RECORDSETS_GIS_BACKFILL_JOB)).toBe(true);
  });

  it("fills the geometry of existing records from two number fields, in batches, reporting progress", async () => {
    const rs = await createRecordset(t.services, actor, { name: "Stores", fields: [{ name: "Name", type: "text" }, { name: "Lat", type: "number" }, { name: "Lng", type: "number" }] });
    expect(rs.gis).toBeNull();
    const rows = [
      { name: "Paris", lat: 48.85, lng: 2.35 },
      { name: "London", lat: 51.5, lng: -0.12 },
      { name: "Nowhere" },
      { name: "Broken", lat: 123, lng: 2 },
      { name: "Lyon", lat: 45.76, lng: 4.84 },
    ];
    for (const fieldValues of rows) await createRecord(t.services, actor, { recordsetId: rs.id, fieldValues });
    expect(Object.values(await geometries(rs.id)).every((g) => g === null)).toBe(true);

    const { job, recordset } = await enableRecordsetMapMode(t.services, actor, { recordsetId: rs.id, mapping: { latField: "lat", lngField: "lng" } });
    expect(recordset).toMatchObject({ mode: "map", gis: { kind: "lat_lng_fields", latField: "lat", lngField: "lng" } });
    expect(job).toMatchObject({ type: RECORDSETS_GIS_BACKFILL_JOB, status: "queued", workspaceId: ws.id });

    const { result, progress } = await run(job, { batchSize: 2 });
    expect(result).toEqual({ recordset_id: rs.id, processed: 5, with_geometry: 3, batches: 3 });
    expect(await geometries(rs.id)).toEqual({ Paris: "POINT(2.35 48.85)", London: "POINT(-0.12 51.5)", Lyon: "POINT(4.84 45.76)", Nowhere: null, Broken: null });
    const percents = progress.map((p) => p.percent);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(percents.at(-1)).toBe(100);
    expect(progress.length).toBeGreaterThanOrEqual(4);

    // A record written after map mode gets its geometry on write, without the job.
    await createRecord(t.services, actor, { recordsetId: rs.id, fieldValues: { name: "Nice", lat: 43.7, lng: 7.26 } });
    expect((await geometries(rs.id)).Nice).toBe("POINT(7.26 43.7)");
    // Running again is harmless.
    expect((await run(job, { batchSize: 100 })).result).toMatchObject({ processed: 6, with_geometry: 4, batches: 1 });
  });

  it("uses a geometry field's shapes", async () => {
    const rs = await createRecordset(t.services, actor, { name: "Zones", fields: [{ name: "Name", type: "text" }, { name: "Area", type: "geometry" }], gis: null });
    const square = { type: "Polygon", coordinates: [[[2.3, 48.8], [2.4, 48.8], [2.4, 48.9], [2.3, 48.9], [2.3, 48.8]]] };
    await createRecord(t.services, actor, { recordsetId: rs.id, fieldValues: { name: "Centre", area: square } });
    expect((await geometries(rs.id)).Centre).toBeNull();
    const { job } = await enableRecordsetMapMode(t.services, actor, { recordsetId: rs.id, mapping: { field: "area" } });
    expect((await run(job)).result).toMatchObject({ processed: 1, with_geometry: 1 });
    expect((await geometries(rs.id)).Centre).toMatch(/^POLYGON/);
  });

  it("stops between batches when cancelled, and refuses a payload it did not write", async () => {
    const rs = await createRecordset(t.services, actor, { name: "Cancelled", fields: [{ name: "Name", type: "text" }, { name: "Spot", type: "lat_lng" }] });
    await createRecord(t.services, actor, { recordsetId: rs.id, fieldValues: { name: "A", spot: { lat: 1, lng: 1 } } });
    const { job } = await enableRecordsetMapMode(t.services, actor, { recordsetId: rs.id, mapping: { field: "spot" } });
    const controller = new AbortController();
    controller.abort(new Error("cancelled"));
    await expect(run(job, { signal: controller.signal })).rejects.toThrow("cancelled");
    await expect(run({ ...job, payload: { recordset_id: rs.id } })).rejects.toBeInstanceOf(PermanentJobError);
    await expect(run({ ...job, workspaceId: null })).rejects.toBeInstanceOf(PermanentJobError);
  });

  it("does nothing for a recordset purged since", async () => {
    const rs = await createRecordset(t.services, actor, { name: "Gone", fields: [{ name: "Spot", type: "lat_lng" }] });
    const { job } = await enableRecordsetMapMode(t.services, actor, { recordsetId: rs.id, mapping: { field: "spot" } });
    await t.services.recordsets.purge({ id: ws.id, schemaName: ws.schemaName }, rs.id);
    expect((await run(job)).result).toEqual({ recordset_id: rs.id, processed: 0, with_geometry: 0, batches: 0 });
  });
});
