import type { DatabaseHandle } from "../../adapters/postgres/open-database.ts";
import { countGeocodeCandidates, nextGeocodeBatch, writeGeocodedBatch, type GeocodedRow } from "../../adapters/postgres/records/record-geocode-store.ts";
import { tenantDatabase } from "../../adapters/postgres/tenant-database.ts";
import { GEOCODE_JOB, addressOf, geocodePayloadSchema, geocodeProgressMessage, type GeocodeCounts, type GeocodeResult } from "../../core/geocoding/geocode-job.ts";
import { geocodeBatch } from "../../core/imports/geocode-batch.ts";
import { PermanentJobError, type JobHandler } from "../../core/jobs/job-handler.ts";
import type { GeocodeResult as ProviderResult, Geocoder } from "../../core/ports/geocoder.ts";
import type { RecordsetRepository } from "../../core/recordsets/recordset-repository.ts";

export { GEOCODE_JOB };

/** What the geocoding handler needs; the app's `Services` satisfies it. */
export type RecordsetsGeocodeServices = { database: DatabaseHandle; recordsets: RecordsetRepository; geocoder: Geocoder };

/** Distinct addresses remembered across batches (a bound on memory; past it, the cache restarts). */
const ANSWER_CACHE = 50_000;

const addressKey = (address: string): string => address.trim().replace(/\s+/g, " ").toLowerCase();

/** Records per batch: one bulk write, one progress report, one cancellation check. */
export const GEOCODE_BATCH = 200;

/**
 * `recordsets.geocode`: finds the recordset's records without coordinates (or all, with
 * `overwrite`) that have some address text, in id-ordered batches; builds each address from
 * the chosen fields; geocodes them through the geocoding port with `geocodeBatch` (the
 * provider's rate limit is respected, a repeated address is asked once per batch); writes
 * lat/lng into the values and the geometry in one bulk write per batch, as a new version by
 * the job's user, so the history shows it. Progress after every batch; cancellation between
 * batches (written batches stay). A retry resumes naturally: geocoded records have a geometry.
 */
export function recordsetsGeocodeHandler(services: RecordsetsGeocodeServices, options: { batchSize?: number } = {}): JobHandler {
  const batchSize = options.batchSize ?? GEOCODE_BATCH;
  return async ({ job, signal, reportProgress }) => {
    const parsed = geocodePayloadSchema.safeParse(job.payload);
    if (!parsed.success || parsed.data.workspaceId !== job.workspaceId) throw new PermanentJobError("geocode payload is malformed");
    const payload = parsed.data;
    const ws = { id: payload.workspaceId, schemaName: payload.schemaName };
    const recordset = await services.recordsets.find(ws, payload.recordsetId);
    if (!recordset) throw new PermanentJobError("the recordset no longer exists");
    if (JSON.stringify(recordset.gis) !== JSON.stringify(payload.target)) throw new PermanentJobError("the recordset's map location changed since the job was queued; start a new geocoding job");
    const missing = payload.addressFields.filter((key) => !recordset.fields.some((f) => f.key === key));
    if (missing.length) throw new PermanentJobError(`the recordset no longer has the address field(s) ${missing.join(", ")}`);

    const tenant = tenantDatabase(services.database, ws.schemaName);
    const selection = { recordsetId: recordset.id, addressFields: payload.addressFields, overwrite: payload.overwrite };
    const counts: GeocodeCounts = { processed: 0, total: await countGeocodeCandidates(tenant, selection), geocoded: 0, notFound: 0 };
    const report = (step: string): void => reportProgress(counts.total ? Math.min(99, (counts.processed / counts.total) * 100) : 99, geocodeProgressMessage(counts), step);
    report("geocode");

    const answers = new Map<string, ProviderResult | null>();
    let lastId: string | null = null;
    let lookups = 0;
    let batches = 0;
    for (;;) {
      if (signal.aborted) throw signal.reason;
      const batch = await nextGeocodeBatch(tenant, selection, lastId, batchSize);
      if (batch.length === 0) break;
      lastId = batch.at(-1)!.id;
      const addresses = batch.map((c) => addressOf(c.values, payload.addressFields));
      // Only addresses not answered in an earlier batch go to the provider.
      const asks = new Map<string, string>();
      for (const address of addresses) {
        const key = addressKey(address);
        if (key !== "" && !answers.has(key) && !asks.has(key)) asks.set(key, address);
      }
      const unknown = [...asks.keys()];
      const looked = await geocodeBatch(services.geocoder, [...asks.values()], { signal });
      // geocodeBatch stops starting calls once aborted: a partial batch is not written.
      if (signal.aborted) throw signal.reason;
      lookups += unknown.length;
      if (answers.size + unknown.length > ANSWER_CACHE) answers.clear();
      unknown.forEach((key, i) => answers.set(key, looked[i] ?? null));
      const results = addresses.map((a) => answers.get(addressKey(a)) ?? null);
      const found: GeocodedRow[] = [];
      batch.forEach((c, i) => {
        const r = results[i];
        if (r) found.push({ id: c.id, version: c.version, lat: r.lat, lng: r.lng });
      });
      const written = await writeGeocodedBatch(tenant, recordset, payload.target, found, payload.userId);
      counts.processed += batch.length;
      counts.geocoded += written;
      counts.notFound += batch.length - found.length;
      counts.total = Math.max(counts.total, counts.processed);
      batches += 1;
      report("geocode");
      if (batch.length < batchSize) break;
    }
    const result: GeocodeResult = {
      recordset_id: recordset.id,
      processed: counts.processed,
      total: counts.processed,
      geocoded: counts.geocoded,
      not_found: counts.notFound,
      addresses_looked_up: lookups,
      batches,
    };
    reportProgress(100, geocodeProgressMessage({ ...counts, total: counts.processed }), "done");
    return result;
  };
}
