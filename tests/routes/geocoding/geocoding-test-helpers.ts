import { GEOCODE_JOB } from "../../../core/geocoding/geocode-job.ts";
import { recordsetsGeocodeHandler } from "../../../jobs/handlers/recordsets-geocode.ts";
import type { TestApp, TestWorkspace } from "../../support/test-app.ts";
import { runQueuedJob } from "../exports/run-queued-job.ts";
import { makeRecord, makeRecordset, type RecordsetJson } from "../records/record-test-helpers.ts";

/** A recordset with address fields and no map location, holding records in real cities (the offline gazetteer knows them). */
export async function addressRecordset(t: TestApp, ws: TestWorkspace): Promise<RecordsetJson> {
  const rs = await makeRecordset(t, ws, [
    { name: "Name", type: "text", required: true },
    { name: "City", type: "text" },
    { name: "Country", type: "text" },
    { name: "Visits", type: "number" },
  ]);
  await makeRecord(t, ws, rs.id, { name: "HQ", city: "Paris", country: "France" });
  await makeRecord(t, ws, rs.id, { name: "Lab", city: "Lyon", country: "France" });
  await makeRecord(t, ws, rs.id, { name: "Ghost", city: "Qwxyzville", country: "" });
  return rs;
}

/** Starts a geocoding job through the API as the owner; returns its id. */
export async function startGeocoding(t: TestApp, ws: TestWorkspace, rs: RecordsetJson): Promise<string> {
  const res = await t.request("/api/v1/recordsets/geocode", { method: "POST", headers: t.as(ws.owner, ws), json: { recordset_id: rs.id, address_fields: ["city", "country"] } });
  if (res.status !== 200) throw new Error(`startGeocoding failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { job_id: string }).job_id;
}

/** Runs a queued geocoding job with the app's geocoder (the offline gazetteer). */
export async function runGeocoding(t: TestApp, jobId: string): Promise<void> {
  await runQueuedJob(t, jobId, GEOCODE_JOB, recordsetsGeocodeHandler(t.services));
}
