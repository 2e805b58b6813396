import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tenantDatabase } from "../../adapters/postgres/tenant-database.ts";
import type { Actor } from "../../core/auth/actor.ts";
import { startGeocodingJob } from "../../core/geocoding/start-geocoding-job.ts";
import { parseGeocodeProgress } from "../../core/geocoding/geocode-job.ts";
import { JobCancelledError, PermanentJobError } from "../../core/jobs/job-handler.ts";
import type { GeocodeResult, Geocoder } from "../../core/ports/geocoder.ts";
import type { Job } from "../../core/ports/job-queue.ts";
import { createRecord } from "../../core/records/create-record.ts";
import { updateRecord } from "../../core/records/update-record.ts";
import { createRecordset } from "../../core/recordsets/create-recordset.ts";
import { GEOCODE_JOB, recordsetsGeocodeHandler } from "../../jobs/handlers/recordsets-geocode.ts";
import { createJobRegistry } from "../../jobs/registry.ts";
import { actorOf, createTestApp, type TestApp, type TestWorkspace } from "../support/test-app.ts";

// recordsets.geocode: addresses -> lat/lng values + geometry, in batches, as versions.
let t: TestApp;
let ws: TestWorkspace;
let actor: Actor;
beforeAll(async () => {
  t = await createTestApp();
  ws = await t.createWorkspace();
  actor = actorOf(ws);
});
afterAll(async () => t.close());

const PLACES: Record<string, { lat: number; lng: number }> = {
  "paris, france": { lat: 48.8566, lng: 2.3522 },
  "lyon, france": { lat: 45.764, lng: 4.8357 },
  "london, uk": { lat: 51.5072, lng: -0.1276 },
};

/** A fake provider: answers from PLACES, counts calls and records when each started. */
function countingGeocoder(rateLimitPerSecond = Number.POSITIVE_INFINITY): Geocoder & { calls: string[]; startedAt: number[] } {
  const calls: string[] = [];
  const startedAt: number[] = [];
  return {
    kind: "fake",
    rateLimitPerSecond,
    calls,
    startedAt,
    async geocode(address: string): Promise<GeocodeResult | null> {
      calls.push(address);
      startedAt.push(performance.now());
      const hit = PLACES[address.trim().toLowerCase()];
      return hit ? { ...hit, formattedAddress: address, confidence: 0.5 } : null;
    },
  };
}

async function addressRecordset(name: string) {
  return await createRecordset(t.services, actor, { name, fields: [{ name: "Name", type: "text" }, { name: "City", type: "text" }, { name: "Country", type: "text" }] });
}

async function run(job: Job, geocoder: Geocoder, options: { batchSize?: number; signal?: AbortSignal; onProgress?: (message: string | null | undefined) => void } = {}) {
  const messages: Array<string | null | undefined> = [];
  const handler = recordsetsGeocodeHandler({ ...t.services, geocoder }, { batchSize: options.batchSize ?? 2 });
  const result = (await handler({
    job,
    signal: options.signal ?? new AbortController().signal,
    reportProgress: (_p, message) => {
      messages.push(message);
      options.onProgress?.(message);
    },
  })) as Record<string, unknown>;
  return { result, messages };
}

async function mapFeatures(recordsetId: string): Promise<Array<{ title: string; lat?: number; lng?: number }>> {
  const lines: Array<{ title: string; lat?: number; lng?: number }> = [];
  for await (const batch of t.services.records.streamMap({ id: ws.id, schemaName: ws.schemaName }, { recordsetId, filters: [], fields: [] })) lines.push(...batch.map((line) => JSON.parse(line)));
  return lines;
}

describe("recordsets.geocode", () => {
  it("is registered when the registry gets the geocoding services", () => {
    expect(createJobRegistry({ db: t.database.db, geocoding: t.services }).has(GEOCODE_JOB)).toBe(true);
  });

  it("adds a lat/lng field when the recordset has no map location, geocodes each distinct address once, writes values, geometry and a version", async () => {
    const rs = await addressRecordset("Offices");
    const rows = [
      { name: "HQ", city: "Paris", country: "France" },
      { name: "Branch", city: "Lyon", country: "France" },
      { name: "Annex", city: "Paris", country: "France" },
      { name: "Mystery", city: "Atlantis", country: "" },
      { name: "Nowhere" },
    ];
    const created = [];
    for (const fieldValues of rows) created.push(await createRecord(t.services, actor, { recordsetId: rs.id, fieldValues }));

    const { job, recordset, target } = await startGeocodingJob(t.services, actor, { recordsetId: rs.id, addressFields: ["city", "country"] });
    expect(target).toEqual({ kind: "lat_lng", field: "location" });
    expect(recordset.gis).toEqual(target);
    expect(recordset.fields.at(-1)).toMatchObject({ key: "location", type: "lat_lng" });
    expect(job).toMatchObject({ type: GEOCODE_JOB, status: "queued", workspaceId: ws.id });

    const geocoder = countingGeocoder();
    const { result, messages } = await run(job, geocoder, { batchSize: 2 });
    // "Nowhere" has no address text: not a candidate.
    expect(result).toMatchObject({ processed: 4, total: 4, geocoded: 3, not_found: 1, batches: 2 });
    expect(geocoder.calls.sort()).toEqual(["Atlantis", "Lyon, France", "Paris, France"]);
    expect(parseGeocodeProgress(messages[1]!)).toEqual({ processed: 2, total: 4, geocoded: 2, notFound: 0 });
    expect(parseGeocodeProgress(messages.at(-1)!)).toEqual({ processed: 4, total: 4, geocoded: 3, notFound: 1 });

    const hq = await t.services.records.find({ id: ws.id, schemaName: ws.schemaName }, created[0]!.id);
    expect(hq).toMatchObject({ version: 2, fieldValues: { name: "HQ", location: { lat: 48.8566, lng: 2.3522 } }, geometry: { type: "Point", coordinates: [2.3522, 48.8566] }, updatedBy: ws.owner.id });
    const history = await t.services.records.history({ id: ws.id, schemaName: ws.schemaName }, created[0]!.id);
    expect(history.map((v) => [v.version, v.changeType, v.changedBy])).toEqual(expect.arrayContaining([[2, "updated", ws.owner.id]]));

    const features = await mapFeatures(rs.id);
    expect(features.map((f) => f.title).sort()).toEqual(["Annex", "Branch", "HQ"]);
    expect(features.find((f) => f.title === "Branch")).toMatchObject({ lat: 45.764, lng: 4.8357 });

    // Running again finds only what is still missing.
    const again = await run(job, countingGeocoder());
    expect(again.result).toMatchObject({ processed: 1, geocoded: 0, not_found: 1 });
  });

  it("writes into two number fields that become the GIS source, and leaves records with coordinates alone", async () => {
    const rs = await createRecordset(t.services, actor, { name: "Depots", fields: [{ name: "Name", type: "text" }, { name: "Address", type: "text" }, { name: "Lat", type: "number" }, { name: "Lng", type: "number" }] });
    await createRecord(t.services, actor, { recordsetId: rs.id, fieldValues: { name: "Known", address: "London, UK", lat: 1, lng: 2 } });
    await createRecord(t.services, actor, { recordsetId: rs.id, fieldValues: { name: "Unknown", address: "London, UK" } });
    const { job, recordset } = await startGeocodingJob(t.services, actor, { recordsetId: rs.id, addressFields: ["address"], latField: "lat", lngField: "lng" });
    expect(recordset.gis).toEqual({ kind: "lat_lng_fields", latField: "lat", lngField: "lng" });
    const { result } = await run(job, countingGeocoder());
    expect(result).toMatchObject({ processed: 1, geocoded: 1 });
    const features = await mapFeatures(rs.id);
    expect(features.find((f) => f.title === "Known")).toMatchObject({ lat: 1, lng: 2 });
    expect(features.find((f) => f.title === "Unknown")).toMatchObject({ lat: 51.5072, lng: -0.1276 });

    // overwrite re-geocodes both.
    const { job: redo } = await startGeocodingJob(t.services, actor, { recordsetId: rs.id, addressFields: ["address"], overwrite: true });
    expect((await run(redo, countingGeocoder())).result).toMatchObject({ processed: 2, geocoded: 2 });
    expect((await mapFeatures(rs.id)).every((f) => f.lat === 51.5072)).toBe(true);
  });

  it("respects the provider's rate limit", async () => {
    const rs = await addressRecordset("Paced");
    for (const city of ["Paris", "Lyon", "London"]) await createRecord(t.services, actor, { recordsetId: rs.id, fieldValues: { name: city, city, country: city === "London" ? "UK" : "France" } });
    const { job } = await startGeocodingJob(t.services, actor, { recordsetId: rs.id, addressFields: ["city", "country"] });
    const geocoder = countingGeocoder(10);
    await run(job, geocoder, { batchSize: 10 });
    expect(geocoder.calls).toHaveLength(3);
    const gaps = geocoder.startedAt.slice(1).map((at, i) => at - geocoder.startedAt[i]!);
    // 10 per second: calls at least ~100 ms apart (timer slack allowed).
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(90);
  });

  it("does not overwrite a record edited meanwhile", async () => {
    const rs = await addressRecordset("Racy");
    const record = await createRecord(t.services, actor, { recordsetId: rs.id, fieldValues: { name: "A", city: "Paris", country: "France" } });
    const { job } = await startGeocodingJob(t.services, actor, { recordsetId: rs.id, addressFields: ["city", "country"] });
    const geocoder = countingGeocoder();
    const slow: Geocoder = {
      ...geocoder,
      geocode: async (address) => {
        // A person edits the record while its address is being looked up.
        await updateRecord(t.services, actor, { recordId: record.id, fieldValues: { city: "Lyon" }, mode: "merge" });
        return geocoder.geocode(address);
      },
    };
    const { result } = await run(job, slow);
    expect(result).toMatchObject({ processed: 1, geocoded: 0 });
    const now = await t.services.records.find({ id: ws.id, schemaName: ws.schemaName }, record.id);
    expect(now).toMatchObject({ version: 2, fieldValues: { city: "Lyon" }, geometry: null });
  });

  it("stops between batches when cancelled, keeping the batches written", async () => {
    const rs = await addressRecordset("Cancelled");
    for (let i = 0; i < 6; i++) await createRecord(t.services, actor, { recordsetId: rs.id, fieldValues: { name: `R${i}`, city: "Paris", country: "France" } });
    const { job } = await startGeocodingJob(t.services, actor, { recordsetId: rs.id, addressFields: ["city", "country"] });
    const controller = new AbortController();
    let reports = 0;
    const attempt = run(job, countingGeocoder(), {
      batchSize: 2,
      signal: controller.signal,
      onProgress: () => {
        // After the first batch's report.
        if (++reports === 2) controller.abort(new JobCancelledError());
      },
    });
    await expect(attempt).rejects.toBeInstanceOf(JobCancelledError);
    const withGeometry = await tenantDatabase(t.database, ws.schemaName).transaction((trx) =>
      sql<{ n: number }>`select count(*)::int as n from records where recordset_id = ${rs.id} and promoted_gis_1 is not null`.execute(trx),
    );
    expect(withGeometry.rows[0]!.n).toBe(2);
  });

  it("fails for good when the GIS source changed or the payload is malformed", async () => {
    const rs = await addressRecordset("Moved");
    const { job } = await startGeocodingJob(t.services, actor, { recordsetId: rs.id, addressFields: ["city"] });
    const moved = { ...job, payload: { ...(job.payload as object), target: { kind: "lat_lng", field: "elsewhere" } } };
    await expect(run(moved, countingGeocoder())).rejects.toBeInstanceOf(PermanentJobError);
    await expect(run({ ...job, payload: {} }, countingGeocoder())).rejects.toBeInstanceOf(PermanentJobError);
  });
});
