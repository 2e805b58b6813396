import { DomainError } from "../../core/errors.ts";
import { errorReportKey, IMPORT_JOB, importPayloadSchema, type ImportResult } from "../../core/imports/import-jobs.ts";
import { notifyImportCompleted, type ImportNotifyDeps } from "../../core/imports/notify-import-completed.ts";
import type { RecordBulkWriter } from "../../core/imports/record-bulk-writer.ts";
import { runImport } from "../../core/imports/run-import.ts";
import { PermanentJobError, type JobHandler } from "../../core/jobs/job-handler.ts";
import type { ObjectStorage } from "../../core/ports/object-storage.ts";
import type { TabularFileReader } from "../../core/ports/tabular-file-reader.ts";
import type { RecordsetRepository } from "../../core/recordsets/recordset-repository.ts";

export { IMPORT_JOB };

/** What the import handler needs; the app's `Services` satisfies it. */
export type RecordsetsImportServices = ImportNotifyDeps & {
  storage: ObjectStorage;
  tabularFiles: TabularFileReader;
  importWriter: RecordBulkWriter;
  recordsets: RecordsetRepository;
  config: { IMPORT_MAX_BYTES: number; PUBLIC_URL: string };
};

/**
 * `recordsets.import`: streams the uploaded file into the recordset (core/imports/run-import.ts),
 * reporting progress per committed batch, then notifies the user. A domain error (unreadable
 * file, mapping no longer valid, recordset deleted) cannot be fixed by a retry: the job fails
 * for good with its message. Anything else (database down, lease lost) is retried, and the
 * retry resumes after the last committed batch.
 */
export function recordsetsImportHandler(services: RecordsetsImportServices, options: { batchSize?: number } = {}): JobHandler {
  return async ({ job, signal, reportProgress }) => {
    const parsed = importPayloadSchema.safeParse(job.payload);
    if (!parsed.success || parsed.data.workspaceId !== job.workspaceId) throw new PermanentJobError("import payload is malformed");
    const payload = parsed.data;
    const ws = { id: payload.workspaceId, schemaName: payload.schemaName };
    const recordset = await services.recordsets.find(ws, payload.recordsetId);
    if (!recordset) throw new PermanentJobError("the recordset no longer exists");
    const totalRows = (job.payload as { totalRows?: unknown }).totalRows;
    reportProgress(0, "reading the file", "import");
    let summary;
    try {
      summary = await runImport(services, {
        jobId: job.id,
        ws,
        recordset,
        userId: payload.userId,
        fileKey: payload.fileKey,
        format: payload.format,
        mappings: Object.keys(payload.fieldMappings).length > 0 ? payload.fieldMappings : undefined,
        reportKey: errorReportKey(ws.id, job.id),
        maxBytes: services.config.IMPORT_MAX_BYTES,
        totalRows: typeof totalRows === "number" ? totalRows : null,
        signal,
        ...(options.batchSize ? { batchSize: options.batchSize } : {}),
        onProgress: (p) => reportProgress(p.percent, `${p.processed} rows read: ${p.imported} imported, ${p.rejected} rejected`, "import"),
      });
    } catch (error) {
      if (error instanceof DomainError) throw new PermanentJobError(error.message, { cause: error });
      throw error;
    }
    const result: ImportResult = {
      total_rows: summary.totalRows,
      imported: summary.imported,
      rejected: summary.rejected,
      report_key: summary.reportKey,
      errors_preview: summary.preview.map((r) => ({ row_number: r.rowNumber, column: r.column ?? null, reason: r.reason })),
    };
    await notifyImportCompleted(services, { jobId: job.id, payload, recordset, result, publicUrl: services.config.PUBLIC_URL });
    reportProgress(100, `${summary.imported} rows imported, ${summary.rejected} rejected`, "done");
    return result;
  };
}
