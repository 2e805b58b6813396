import { z } from "@hono/zod-openapi";
import type { MapModeMapping } from "../../../core/recordsets/enable-recordset-map-mode.ts";
import { RecordsetModeSchema } from "./schemas.ts";

const uuidExample = "01939a6e-7c1e-7b41-9a31-5f2b8d1c0a20";

export const EnableMapModeBody = z
  .union([
    z.strictObject({
      lat_field: z.string().min(1).openapi({ description: "A number field holding the latitude", example: "lat" }),
      lng_field: z.string().min(1).openapi({ description: "A number field holding the longitude", example: "lng" }),
    }),
    z.strictObject({ field: z.string().min(1).openapi({ description: "A lat_lng or geometry field", example: "location" }) }),
  ])
  .openapi("EnableRecordsetMapMode", { description: "Where each record's geometry comes from: two number fields, or one lat_lng or geometry field." });

export function toMapping(body: z.infer<typeof EnableMapModeBody>): MapModeMapping {
  return "field" in body ? { field: body.field } : { latField: body.lat_field, lngField: body.lng_field };
}

export const MapModeJobSchema = z
  .object({
    job_id: z.uuid().openapi({ example: uuidExample }),
    type: z.string().openapi({ example: "recordsets.gis-backfill" }),
    status: z.enum(["queued", "running", "succeeded", "failed", "cancelled"]).openapi({ example: "queued" }),
    progress: z.number().openapi({ description: "0-100", example: 0 }),
    progress_message: z.string().nullable(),
    result: z.unknown().nullable().openapi({ description: "When it succeeded: {recordset_id, processed, with_geometry, batches}" }),
    error: z.string().nullable(),
    created_at: z.string().openapi({ format: "date-time", example: "2026-01-15T10:00:00.000Z" }),
    started_at: z.string().nullable().openapi({ format: "date-time" }),
    finished_at: z.string().nullable().openapi({ format: "date-time" }),
    recordset_id: z.uuid().openapi({ example: uuidExample }),
    mode: RecordsetModeSchema,
    gis_source: z
      .object({ kind: z.string(), field: z.string().optional(), lat_field: z.string().optional(), lng_field: z.string().optional() })
      .nullable()
      .openapi({ description: "The stored GIS source" }),
  })
  .openapi("RecordsetMapModeJob");

export const ResyncPromotedResultSchema = z
  .object({ updated: z.number().int().openapi({ description: "Records whose promoted columns and geometry were recomputed", example: 1200 }) })
  .openapi("RecordsetPromotedResync");
