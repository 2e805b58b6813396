import { z } from "zod";
import { GEOCODE_JOB } from "../imports/import-jobs.ts";

export { GEOCODE_JOB };

/** Where geocoded coordinates go: the recordset's GIS source (a lat/lng field, or two number fields). */
export const geocodeTargetSchema = z.union([
  z.object({ kind: z.literal("lat_lng"), field: z.string() }),
  z.object({ kind: z.literal("lat_lng_fields"), latField: z.string(), lngField: z.string() }),
]);
export type GeocodeTarget = z.infer<typeof geocodeTargetSchema>;

export const geocodePayloadSchema = z.object({
  workspaceId: z.string().uuid(),
  schemaName: z.string(),
  userId: z.string().uuid().nullable(),
  recordsetId: z.string().uuid(),
  /** Field keys whose values, joined with ", ", make the address. */
  addressFields: z.array(z.string()).min(1),
  target: geocodeTargetSchema,
  /** Also re-geocode records that already have coordinates. */
  overwrite: z.boolean(),
  /** The job's file name slot shows the recordset (the job list has no other label). */
  fileName: z.string().nullable().default(null),
});
export type GeocodePayload = z.infer<typeof geocodePayloadSchema>;

/** Running counts of a geocoding job. */
export type GeocodeCounts = { processed: number; total: number; geocoded: number; notFound: number };

/** What a finished geocoding job stores as its result. */
export type GeocodeResult = {
  recordset_id: string;
  processed: number;
  total: number;
  geocoded: number;
  not_found: number;
  /** Distinct addresses sent to the provider (repeats are asked once). */
  addresses_looked_up: number;
  batches: number;
  [key: string]: string | number;
};

/*
 * A running job's counts travel in its progress message (the queue stores and publishes one
 * text per report), in a fixed form that `parseGeocodeProgress` reads back for the job view
 * and the SSE stream.
 */
const PROGRESS = /^(\d+) of (\d+) records processed: (\d+) geocoded, (\d+) not found/;

export function geocodeProgressMessage(counts: GeocodeCounts): string {
  return `${counts.processed} of ${counts.total} records processed: ${counts.geocoded} geocoded, ${counts.notFound} not found`;
}

export function parseGeocodeProgress(message: string | null): GeocodeCounts | null {
  const m = message ? PROGRESS.exec(message) : null;
  return m ? { processed: Number(m[1]), total: Number(m[2]), geocoded: Number(m[3]), notFound: Number(m[4]) } : null;
}

/** The address of a record: the chosen fields' non-blank values, in order, joined with ", ". */
export function addressOf(values: Record<string, unknown>, fields: readonly string[]): string {
  return fields
    .map((key) => values[key])
    .filter((v): v is string | number => (typeof v === "string" && v.trim() !== "") || typeof v === "number")
    .map((v) => String(v).trim())
    .join(", ");
}

/**
 * The counts a geocoding job's view shows (`imported` = geocoded, `rejected` = not found):
 * from its last progress message while it runs, from its result once completed.
 */
export function geocodeJobCounts(job: { status: string; progressMessage: string | null; result: unknown }): { processed: number; total: number | null; imported: number; rejected: number } | null {
  const result = job.status === "succeeded" && job.result && typeof job.result === "object" ? (job.result as Partial<GeocodeResult>) : null;
  if (result && typeof result.processed === "number") {
    return { processed: result.processed, total: Number(result.total ?? result.processed), imported: Number(result.geocoded ?? 0), rejected: Number(result.not_found ?? 0) };
  }
  const live = parseGeocodeProgress(job.progressMessage);
  return live ? { processed: live.processed, total: live.total, imported: live.geocoded, rejected: live.notFound } : null;
}
