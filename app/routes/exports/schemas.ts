import { z } from "@hono/zod-openapi";
import type { Job } from "../../../core/ports/job-queue.ts";
import type { ImportJobJson } from "../../../core/imports/import-job-view.ts";
import { ImportJobSchema } from "../imports/schemas.ts";

/** A record-list filter parameter: the JSON text, or the list/object it encodes. */
const filterParam = (description: string, example: unknown) =>
  z
    .union([z.string().max(20_000), z.array(z.unknown()).max(200), z.record(z.string(), z.unknown())])
    .optional()
    .openapi({ description, example });

/** Back to the JSON text the record-filter parser reads. */
export function filterText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === "string" ? value : JSON.stringify(value);
}

export const ExportFiltersSchema = z
  .object({
    column_filters: filterParam("Text-like fields, as in listRecords: `{\"stage\":[\"new\",\"won\"]}` or `[{\"field\":\"city\",\"op\":\"eq\",\"value\":\"Paris\"}]`", { stage: ["new", "won"] }),
    numeric_filters: filterParam("Number and currency fields, as in listRecords", { revenue: { gte: 1000 } }),
    date_filters: filterParam("Date fields and created_at/updated_at, as in listRecords", { created_at: { last_n_days: 30 } }),
    search: z.string().max(500).optional().openapi({ description: "Full-text search, as in listRecords", example: "paris" }),
    status: z.enum(["active", "archived", "deleted"]).optional().openapi({ description: "Only this status; without it, every status but `deleted`" }),
    tags: z.array(z.string().max(100)).max(50).optional().openapi({ description: "Records carrying every one of these tags", example: ["vip"] }),
  })
  .openapi("ExportFilters");

export const CreateExportJobBody = z
  .object({
    recordset_id: z.uuid().openapi({ example: "01939a6e-7c1e-7b41-9a31-5f2b8d1c0a20" }),
    format: z.enum(["csv", "xlsx", "geojson"]).default("csv").openapi({ description: "CSV (UTF-8 with BOM, formula cells neutralised), Excel .xlsx, or a GeoJSON FeatureCollection" }),
    fields: z.array(z.string().min(1).max(100)).max(500).optional().openapi({ description: "Field keys, in column order; default every field", example: ["name", "revenue"] }),
    filters: ExportFiltersSchema.optional(),
  })
  .openapi("CreateExportJobRequest");

export const ExportJobCreatedSchema = ImportJobSchema.extend({
  job_id: z.string().openapi({ example: "01939a6e-7c1e-7b41-9a31-5f2b8d1c0a20" }),
  status_url: z.string().openapi({ example: "/api/v1/recordsets/import/jobs/01939a6e-7c1e-7b41-9a31-5f2b8d1c0a20" }),
}).openapi("ExportJobCreated");

export function exportJobCreatedJson(job: Job, view: ImportJobJson): z.infer<typeof ExportJobCreatedSchema> {
  return { ...view, job_id: job.id, status_url: `/api/v1/recordsets/import/jobs/${job.id}` };
}
