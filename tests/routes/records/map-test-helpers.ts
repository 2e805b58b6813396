import { sql } from "kysely";
import { tenantDatabase } from "../../../adapters/postgres/tenant-database.ts";
import { createRecord } from "../../../core/records/create-record.ts";
import { actorOf, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { makeRecordset, type RecordsetJson } from "../recordsets/recordset-test-helpers.ts";

/** Helpers of the map stream and spatial filter tests: geometry recordsets and their records. */

/** A recordset whose records carry a GeoJSON `area` (any geometry type) and a `kind` and `size`. */
export const shapesFields = [
  { name: "Name", type: "text", required: true },
  { name: "Kind", type: "select", options: [{ value: "a" }, { value: "b" }] },
  { name: "Size", type: "number" },
  { name: "Area", type: "geometry" },
];

/** A recordset of points from a lat/lng `location` field. */
export const placesFields = [
  { name: "Name", type: "text", required: true },
  { name: "Income", type: "number" },
  { name: "Location", type: "lat_lng" },
];

export const makeShapes = (t: TestApp, ws: TestWorkspace): Promise<RecordsetJson> => makeRecordset(t, ws, shapesFields);
export const makePlaces = (t: TestApp, ws: TestWorkspace): Promise<RecordsetJson> => makeRecordset(t, ws, placesFields);

/** Creates a record through the use-case (the owner acting); returns its id. */
export async function addRecord(t: TestApp, ws: TestWorkspace, recordsetId: string, fieldValues: Record<string, unknown>): Promise<string> {
  return (await createRecord(t.services, actorOf(ws), { recordsetId, fieldValues })).id;
}

/** A closed square polygon of side `size` degrees at (lng, lat). */
export const square = (lng: number, lat: number, size: number) => ({
  type: "Polygon",
  coordinates: [[[lng, lat], [lng + size, lat], [lng + size, lat + size], [lng, lat + size], [lng, lat]]],
});

/**
 * `count` point records inserted in one statement (as a bulk import would), on a grid
 * around (lng, lat), `name` = "p<i>" and `income` = i.
 */
export async function seedPoints(t: TestApp, ws: TestWorkspace, recordsetId: string, count: number, at: { lng: number; lat: number } = { lng: 2, lat: 48 }): Promise<void> {
  await tenantDatabase(t.database, ws.schemaName).transaction(async (trx) => {
    await sql`
      insert into records (id, recordset_id, field_values, title, promoted_text_1, promoted_number_1, promoted_gis_1)
      select gen_random_uuid(), ${recordsetId}::uuid,
        jsonb_build_object('name', 'p' || i, 'income', i, 'location', jsonb_build_object('lat', ${at.lat}::float8 + (i / 1000) * 0.0001, 'lng', ${at.lng}::float8 + (i % 1000) * 0.0001)),
        'p' || i, 'p' || i, i,
        st_setsrid(st_makepoint(${at.lng}::float8 + (i % 1000) * 0.0001, ${at.lat}::float8 + (i / 1000) * 0.0001), 4326)
      from generate_series(0, ${count - 1}::int) as i`.execute(trx);
  });
}

/** The parsed lines of an NDJSON body. */
export async function ndjsonLines(res: Response): Promise<Record<string, unknown>[]> {
  const text = await res.text();
  return text
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}
