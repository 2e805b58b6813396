import { z } from "@hono/zod-openapi";
import { importJobStatuses } from "../../../core/imports/import-job-view.ts";
import { ImportJobSchema } from "../imports/schemas.ts";

const uuidExample = "01939a6e-7c1e-7b41-9a31-5f2b8d1c0a20";

export const StartGeocodingBody = z
  .object({
    recordset_id: z.uuid().openapi({ example: uuidExample }),
    address_fields: z.array(z.string().min(1).max(100)).min(1).max(20).openapi({ description: "Text-like fields whose values, joined with \", \", make the address", example: ["street", "city", "country"] }),
    lat_field: z.string().min(1).max(100).optional().openapi({ description: "With lng_field: two number fields to write into (they become the map location when the recordset has none)", example: "lat" }),
    lng_field: z.string().min(1).max(100).optional().openapi({ example: "lng" }),
    overwrite: z.boolean().default(false).openapi({ description: "Also re-geocode records that already have coordinates" }),
  })
  .openapi("StartGeocodingRequest");

export const GeocodingStartedSchema = z
  .object({
    job_id: z.string().openapi({ example: uuidExample }),
    recordset_id: z.string().openapi({ example: uuidExample }),
    status: z.enum(importJobStatuses),
    target: z
      .object({ kind: z.enum(["lat_lng", "lat_lng_fields"]), field: z.string().optional(), lat_field: z.string().optional(), lng_field: z.string().optional() })
      .openapi({ description: "Where coordinates are written (the recordset's GIS source)", example: { kind: "lat_lng", field: "location" } }),
    status_url: z.string().openapi({ example: `/api/v1/recordsets/geocode/jobs/${uuidExample}` }),
    stream_url: z.string().openapi({ example: `/api/v1/recordsets/geocode/jobs/${uuidExample}/stream` }),
  })
  .openapi("GeocodingJobStarted");

/** A geocoding job: the section's job view; `progress.imported` counts geocoded records, `progress.rejected` those not found. */
export const GeocodingJobSchema = ImportJobSchema.openapi("GeocodingJob", {
  description: "A geocoding job. In `progress`, `imported` counts records geocoded and `rejected` records whose address was not found; `summary` (once completed) has processed, geocoded, not_found, addresses_looked_up.",
});

export const GeocodingJobListSchema = z
  .object({
    items: z.array(GeocodingJobSchema),
    total: z.number().int().openapi({ example: 1 }),
    page: z.number().int().openapi({ example: 1 }),
    page_size: z.number().int().openapi({ example: 20 }),
  })
  .openapi("GeocodingJobList");

export const GeocodingJobListQuery = z.object({
  page: z.coerce.number().int().min(1).default(1).openapi({ example: 1 }),
  page_size: z.coerce.number().int().min(1).max(100).default(20).openapi({ example: 20 }),
  status: z.enum(importJobStatuses).optional(),
});
