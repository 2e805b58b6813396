import { openExportFileWriter } from "../../adapters/files/export-file-writer.ts";
import { DomainError } from "../../core/errors.ts";
import { exportColumns } from "../../core/exports/export-columns.ts";
import { EXPORT_JOB, exportFileType, exportObjectKey, exportPayloadSchema, type ExportResult } from "../../core/exports/export-job.ts";
import { PermanentJobError, type JobHandler } from "../../core/jobs/job-handler.ts";
import type { ObjectStorage } from "../../core/ports/object-storage.ts";
import { parseRecordFilters } from "../../core/records/record-filters.ts";
import type { ExportRow, RecordRepository } from "../../core/records/record-repository.ts";
import type { RecordsetRepository } from "../../core/recordsets/recordset-repository.ts";

export { EXPORT_JOB };

/** What the export handler needs; the app's `Services` satisfies it. */
export type RecordsetsExportServices = { records: RecordRepository; recordsets: RecordsetRepository; storage: ObjectStorage };

/** Rows per batch: progress is reported and cancellation checked once per batch. */
export const EXPORT_BATCH = 2_000;

/**
 * `recordsets.export`: streams the (filtered) records of a recordset from a database cursor
 * into an object at `workspaces/<ws>/exports/<job>/<slug>.<ext>` (CSV, XLSX or GeoJSON),
 * never holding more than one batch. Filters are parsed again against the current schema;
 * a field that disappeared meanwhile fails the job for good. Cancellation is honoured between
 * batches: the upload is aborted and nothing is stored. A retry starts over (same key).
 */
export function recordsetsExportHandler(services: RecordsetsExportServices, options: { batchSize?: number } = {}): JobHandler {
  const batchSize = options.batchSize ?? EXPORT_BATCH;
  return async ({ job, signal, reportProgress }) => {
    const parsed = exportPayloadSchema.safeParse(job.payload);
    if (!parsed.success || parsed.data.workspaceId !== job.workspaceId) throw new PermanentJobError("export payload is malformed");
    const payload = parsed.data;
    const ws = { id: payload.workspaceId, schemaName: payload.schemaName };
    const recordset = await services.recordsets.find(ws, payload.recordsetId);
    if (!recordset) throw new PermanentJobError("the recordset no longer exists");
    let filters;
    try {
      filters = parseRecordFilters(payload.filters, { fields: recordset.fields, promoted: recordset.promoted });
    } catch (error) {
      if (error instanceof DomainError) throw new PermanentJobError(`the export's filters no longer fit the recordset: ${error.message}`, { cause: error });
      throw error;
    }
    const missing = payload.fields.filter((key) => !recordset.fields.some((f) => f.key === key));
    if (missing.length) throw new PermanentJobError(`the recordset no longer has the field(s) ${missing.join(", ")}`);
    const fields = payload.fields.length ? payload.fields.map((key) => recordset.fields.find((f) => f.key === key)!) : recordset.fields;

    const query = { recordsetId: recordset.id, filters, search: payload.filters.search, status: payload.filters.status, tags: payload.filters.tags };
    const total = await services.records.countForExport(ws, query);
    const key = exportObjectKey(ws.id, job.id, recordset.slug, payload.format);
    const writer = await openExportFileWriter({ format: payload.format, columns: exportColumns(fields), propertyKeys: fields.map((f) => f.key), sheetName: recordset.name });
    const upload = services.storage.put(key, writer.body, { contentType: exportFileType(payload.format).contentType });
    // A failing store must also stop the writer, or a batch would wait for room forever.
    upload.catch((error: unknown) => writer.abort(error));
    reportProgress(0, `${total} records to export`, "export");

    let processed = 0;
    try {
      let batch: ExportRow[] = [];
      const flush = async (): Promise<void> => {
        if (signal.aborted) throw signal.reason;
        await writer.writeRows(batch);
        processed += batch.length;
        batch = [];
        reportProgress(total ? Math.min(99, (processed / total) * 100) : 99, `${processed} of ${Math.max(total, processed)} records written`, "export");
      };
      for await (const row of services.records.streamForExport(ws, query)) {
        batch.push(row);
        if (batch.length >= batchSize) await flush();
      }
      if (batch.length) await flush();
      if (signal.aborted) throw signal.reason;
      await writer.finish();
    } catch (error) {
      writer.abort(error);
      await upload.catch(() => undefined);
      throw error;
    }
    const stored = await upload;
    const result: ExportResult = { storage_key: key, format: payload.format, file_name: payload.fileName, processed, total: processed, size_bytes: stored.size };
    reportProgress(100, `${processed} records exported`, "done");
    return result;
  };
}
