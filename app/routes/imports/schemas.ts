import { z } from "@hono/zod-openapi";
import type { AnalyzedImportFile } from "../../../core/imports/store-import-file.ts";
import { importJobKinds } from "../../../core/imports/import-jobs.ts";
import { importJobStatuses } from "../../../core/imports/import-job-view.ts";
import { pagedSchema } from "../workspaces/schemas.ts";

const uuidExample = "01939a6e-7c1e-7b41-9a31-5f2b8d1c0a20";
const dateTime = (example = "2026-01-15T10:00:00.000Z") => z.string().openapi({ format: "date-time", example });
const fileUriExample = `upload:workspaces/${uuidExample}/imports/01939a6e-8000-7b41-9a31-5f2b8d1c0a21/properties.csv`;

export const JobIdParams = z.object({
  job_id: z.string().min(1).max(100).openapi({ param: { name: "job_id", in: "path" }, example: uuidExample }),
});

export const FileUriSchema = z.string().min(1).max(1200).openapi({ description: "The `file_uri` an upload endpoint returned", example: fileUriExample });

export const FieldMappingsSchema = z
  .record(z.string(), z.string().max(200))
  .openapi({
    description: "File column -> recordset field key. A lat/lng field takes two columns: map them to `<key>.lat` and `<key>.lng`. A GeoJSON feature's geometry is the column `geometry`. An empty key skips the column.",
    example: { Address: "address", Price: "asking_price", lat: "location.lat", lng: "location.lng" },
  });

const ColumnSchema = z
  .object({
    column: z.string().openapi({ example: "Price" }),
    type: z.string().openapi({ description: "What the values read as (number, currency, date, boolean, email, url, phone, latitude, longitude, geometry, text)", example: "currency" }),
    suggested_field_type: z.string().openapi({ description: "The recordset field type to create for it", example: "currency" }),
    confidence: z.number().openapi({ example: 0.98 }),
    samples: z.array(z.string()).openapi({ example: ["$1,200.00", "$950.50"] }),
    non_empty: z.number().int(),
    empty: z.number().int(),
    date_format: z.string().nullable().openapi({ example: null }),
    decimal_separator: z.string().nullable().openapi({ example: "." }),
    currency: z.string().nullable().openapi({ example: "USD" }),
  })
  .openapi("ImportColumn");

const RejectedRowSchema = z
  .object({ row_number: z.number().int().openapi({ example: 17 }), column: z.string().nullable(), reason: z.string().openapi({ example: "the row has 7 fields but the header has 6" }) })
  .openapi("ImportRejectedRow");

export const FileAnalysisSchema = z
  .object({
    file_uri: FileUriSchema,
    file_name: z.string().openapi({ example: "properties.csv" }),
    format: z.enum(["csv", "xlsx", "geojson", "json"]),
    size_bytes: z.number().int().openapi({ example: 48213 }),
    encoding: z.string().nullable().openapi({ example: "utf-8" }),
    delimiter: z.string().nullable().openapi({ example: "," }),
    sheet: z.string().nullable().openapi({ example: null }),
    headers: z.array(z.string()).openapi({ example: ["Address", "Price", "lat", "lng"] }),
    renamed_headers: z.array(z.object({ position: z.number().int(), original: z.string(), renamed_to: z.string(), reason: z.enum(["blank", "duplicate"]) })),
    fields: z.array(ColumnSchema),
    lat_lng: z.object({ latitude: z.string(), longitude: z.string() }).nullable(),
    geometry_types: z.record(z.string(), z.number().int()).openapi({ example: {} }),
    sample_rows: z.array(z.object({ row_number: z.number().int(), values: z.record(z.string(), z.unknown()), geometry: z.unknown().optional() })),
    total_rows: z.number().int().openapi({ description: "Readable data rows", example: 1250 }),
    rejected_rows: z.number().int().openapi({ description: "Rows the reader could not read (ragged, broken quoting, invalid geometry)", example: 2 }),
    rejected_samples: z.array(RejectedRowSchema),
  })
  .openapi("ImportFileAnalysis");

/** The JSON of an analyzed upload. */
export function analysisJson(file: AnalyzedImportFile): z.infer<typeof FileAnalysisSchema> {
  const a = file.analysis;
  return {
    file_uri: file.fileUri,
    file_name: file.fileName,
    format: file.format,
    size_bytes: file.sizeBytes,
    encoding: a.encoding,
    delimiter: a.delimiter,
    sheet: a.sheet,
    headers: a.headers,
    renamed_headers: a.renamedHeaders.map((r) => ({ position: r.position, original: r.original, renamed_to: r.renamedTo, reason: r.reason })),
    fields: a.fields.map((c) => ({
      column: c.column,
      type: c.type,
      suggested_field_type: c.suggestedFieldType,
      confidence: c.confidence,
      samples: c.samples,
      non_empty: c.nonEmpty,
      empty: c.empty,
      date_format: c.dateFormat ?? null,
      decimal_separator: c.decimalSeparator ?? null,
      currency: c.currency ?? null,
    })),
    lat_lng: a.latLng,
    geometry_types: a.geometryTypes,
    sample_rows: a.sampleRows.map((r) => ({ row_number: r.rowNumber, values: r.values, ...(r.geometry ? { geometry: r.geometry } : {}) })),
    total_rows: a.totalRows,
    rejected_rows: a.rejectedRows,
    rejected_samples: a.rejectedSamples.map((r) => ({ row_number: r.rowNumber, column: r.column ?? null, reason: r.reason })),
  };
}

export const ImportJobSchema = z
  .object({
    id: z.string().openapi({ example: uuidExample }),
    job_type: z.enum(importJobKinds),
    status: z.enum(importJobStatuses).openapi({ description: "A running job whose cancel was requested shows `cancelled` at once" }),
    progress: z.object({
      processed: z.number().int().openapi({ example: 12000 }),
      total: z.number().int().nullable().openapi({ example: 50000 }),
      imported: z.number().int().openapi({ example: 11990 }),
      rejected: z.number().int().openapi({ example: 10 }),
      percent: z.number().int().openapi({ example: 24 }),
    }),
    recordset_id: z.string().nullable().openapi({ example: uuidExample }),
    file_name: z.string().nullable().openapi({ example: "properties.csv" }),
    summary: z.record(z.string(), z.unknown()).nullable().openapi({ description: "The validation summary of a completed job (counts, first errors)" }),
    report_url: z.string().nullable().openapi({ description: "Signed URL of the error report (valid one hour), when rows were rejected" }),
    download_url: z.string().nullable().openapi({ description: "Signed URL of an export's file (valid one hour)" }),
    error: z.string().nullable(),
    created_by: z.string().nullable(),
    created_at: dateTime(),
    started_at: dateTime().nullable(),
    finished_at: dateTime().nullable(),
  })
  .openapi("ImportJob");

export const ImportJobListSchema = pagedSchema(ImportJobSchema, "ImportJobList");

export const ImportJobListQuery = z.object({
  page: z.coerce.number().int().min(1).default(1).openapi({ example: 1 }),
  page_size: z.coerce.number().int().min(1).max(100).default(20).openapi({ example: 20 }),
  job_type: z.enum(["import", "export"]).optional().openapi({ description: "Only import or only export jobs" }),
  status: z.enum(importJobStatuses).optional(),
});

/** What the two import-starting routes return. */
export const StartedImportSchema = z
  .object({
    job_id: z.string().openapi({ example: uuidExample }),
    recordset_id: z.string().openapi({ example: uuidExample }),
    recordset_slug: z.string().openapi({ example: "properties" }),
    status: z.enum(importJobStatuses),
    status_url: z.string().openapi({ example: `/api/v1/recordsets/import/jobs/${uuidExample}` }),
  })
  .openapi("StartedImport");

export function startedImportJson(started: { job: { id: string }; recordset: { id: string; slug: string } }): z.infer<typeof StartedImportSchema> {
  return {
    job_id: started.job.id,
    recordset_id: started.recordset.id,
    recordset_slug: started.recordset.slug,
    status: "pending",
    status_url: `/api/v1/recordsets/import/jobs/${started.job.id}`,
  };
}
