import { z } from "zod";
import { EXPORT_JOB } from "../imports/import-jobs.ts";

export { EXPORT_JOB };

export const exportFormats = ["csv", "xlsx", "geojson"] as const;
export type ExportFormat = (typeof exportFormats)[number];

const fileTypes: Record<ExportFormat, { extension: string; contentType: string }> = {
  csv: { extension: "csv", contentType: "text/csv; charset=utf-8" },
  xlsx: { extension: "xlsx", contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
  geojson: { extension: "geojson", contentType: "application/geo+json" },
};

export function exportFileType(format: ExportFormat): { extension: string; contentType: string } {
  return fileTypes[format];
}

/** Where an export's file lives: one folder per job, named after the recordset. */
export function exportObjectKey(workspaceId: string, jobId: string, slug: string, format: ExportFormat): string {
  return `workspaces/${workspaceId}/exports/${jobId}/${slug}.${fileTypes[format].extension}`;
}

/**
 * The filters of an export, as the request gave them (JSON texts in the record-list grammar).
 * They are parsed again when the job runs, against the schema of that moment: a field removed
 * in between fails the job with a clear message instead of exporting the wrong rows.
 */
export const exportFiltersSchema = z.object({
  columnFilters: z.string().optional(),
  numericFilters: z.string().optional(),
  dateFilters: z.string().optional(),
  search: z.string().optional(),
  status: z.enum(["active", "archived", "deleted"]).optional(),
  tags: z.array(z.string()).optional(),
});
export type ExportFilters = z.infer<typeof exportFiltersSchema>;

export const exportPayloadSchema = z.object({
  workspaceId: z.string().uuid(),
  schemaName: z.string(),
  userId: z.string().uuid().nullable(),
  recordsetId: z.string().uuid(),
  format: z.enum(exportFormats),
  /** Field keys, in column order; empty = every field of the schema when the job runs. */
  fields: z.array(z.string()),
  filters: exportFiltersSchema,
  /** Shown as the job's file name. */
  fileName: z.string(),
});
export type ExportPayload = z.infer<typeof exportPayloadSchema>;

/** What a finished export stores as the job's result (`storage_key` is what the job view signs). */
export type ExportResult = {
  storage_key: string;
  format: ExportFormat;
  file_name: string;
  processed: number;
  total: number;
  size_bytes: number;
  [key: string]: string | number;
};
