import type { WorkspaceRef } from "../members/member-repository.ts";
import type { ObjectStorage } from "../ports/object-storage.ts";
import type { RejectedRow, TabularFileReader, TabularFormat, TabularRow } from "../ports/tabular-file-reader.ts";
import { NotFound } from "../errors.ts";
import type { RecordsetRecord } from "../recordsets/recordset-repository.ts";
import { ImportErrorReport } from "./import-error-report.ts";
import type { FieldMappings } from "./import-jobs.ts";
import { applyImportPlan, buildImportPlan } from "./import-plan.ts";
import type { BulkRecordRow, RecordBulkWriter } from "./record-bulk-writer.ts";
import { sampleFile } from "./sample-file.ts";

export type RunImportDeps = { storage: ObjectStorage; tabularFiles: TabularFileReader; importWriter: RecordBulkWriter };

export type RunImportInput = {
  jobId: string;
  ws: WorkspaceRef;
  recordset: Pick<RecordsetRecord, "id" | "fields" | "promoted" | "gis">;
  userId: string | null;
  fileKey: string;
  format: TabularFormat;
  mappings: FieldMappings | undefined;
  /** Where the error report goes. */
  reportKey: string;
  maxBytes?: number;
  /** Records per write transaction (default 5000). */
  batchSize?: number;
  /** Rows in the file when known (the upload's analysis). */
  totalRows?: number | null;
  signal?: AbortSignal;
  /** After each committed batch: counts so far and a percent from the bytes read. */
  onProgress?: (progress: ImportProgress) => void;
};

export type ImportProgress = { processed: number; total: number | null; imported: number; rejected: number; percent: number };

export type ImportSummary = { totalRows: number; imported: number; rejected: number; reportKey: string | null; preview: RejectedRow[] };

/**
 * Imports a stored file into a recordset: reader batches -> column mapping -> coercion per
 * field type -> schema validation; good rows are written in batches (`RecordBulkWriter`, one
 * transaction each, with the checkpoint), bad rows go to the error report (row, column,
 * reason). Memory is bounded by the batch size. A retried attempt resumes after the last
 * committed row and regenerates the report from the file; cancelling (the signal) stops at
 * the next batch and keeps what was committed.
 */
export async function runImport(deps: RunImportDeps, input: RunImportInput): Promise<ImportSummary> {
  const batchSize = input.batchSize ?? 5000;
  const sample = await sampleFile(deps, input.fileKey, input.format, input.maxBytes);
  const plan = buildImportPlan(input.recordset.fields, sample.headers, input.mappings, sample.fields, { hasFeatureGeometry: input.format === "geojson" || Object.keys(sample.geometryTypes).length > 0 });
  const resumed = await deps.importWriter.checkpoint(input.ws, input.jobId);
  const after = resumed?.lastRowNumber ?? 0;
  const target = { ws: input.ws, recordset: input.recordset, userId: input.userId, jobId: input.jobId };

  const object = await deps.storage.get(input.fileKey);
  if (!object) throw new NotFound("file", input.fileKey);
  const size = Math.max(1, object.size);
  let bytesRead = 0;
  const counted = object.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        bytesRead += chunk.byteLength;
        controller.enqueue(chunk);
      },
    }),
  );

  const report = new ImportErrorReport(deps.storage, input.reportKey);
  // Counts as of the last commit; rows at or before `after` were counted by an earlier attempt.
  let imported = resumed?.imported ?? 0;
  let rejected = resumed?.rejected ?? 0;
  let rowsDone = resumed?.rowsDone ?? 0;
  let pending: BulkRecordRow[] = [];
  let pendingRejected = 0;
  let pendingRows = 0;
  let pendingLast = after;
  let totalRows = 0;

  const flush = async (): Promise<void> => {
    if (pending.length === 0 && pendingRows === 0) return;
    input.signal?.throwIfAborted();
    const position = { rowsDone: rowsDone + pendingRows, lastRowNumber: pendingLast, imported, rejected: rejected + pendingRejected, totalRows: input.totalRows ?? null };
    const outcome = await deps.importWriter.writeBatch(target, pending, position);
    await report.add(outcome.rejected);
    imported += outcome.imported;
    rejected += pendingRejected + outcome.rejected.length;
    rowsDone += pendingRows;
    pending = [];
    pendingRejected = 0;
    pendingRows = 0;
    input.onProgress?.({ processed: rowsDone, total: input.totalRows ?? null, imported, rejected, percent: Math.min(99, Math.floor((bytesRead / size) * 100)) });
  };

  try {
    for await (const batch of deps.tabularFiles.read(counted, { format: input.format, maxBytes: input.maxBytes, batchSize: 1000 })) {
      // Readable and unreadable rows in file order, so a checkpoint taken mid-batch covers exactly the rows before it.
      const ordered: Array<{ rowNumber: number; row?: TabularRow; unreadable?: RejectedRow }> = [
        ...batch.rows.map((row) => ({ rowNumber: row.rowNumber, row })),
        ...batch.rejected.map((unreadable) => ({ rowNumber: unreadable.rowNumber, unreadable })),
      ].sort((a, b) => a.rowNumber - b.rowNumber);
      const problems: RejectedRow[] = [];
      for (const item of ordered) {
        totalRows++;
        const outcome = item.row ? applyImportPlan(plan, item.row) : { rejected: [item.unreadable!] };
        if ("rejected" in outcome) problems.push(...outcome.rejected);
        if (item.rowNumber <= after) continue; // committed by an earlier attempt
        pendingRows++;
        pendingLast = Math.max(pendingLast, item.rowNumber);
        if ("rejected" in outcome) pendingRejected++;
        else pending.push({ rowNumber: item.rowNumber, fieldValuesJson: JSON.stringify(outcome.values) });
        if (pending.length >= batchSize) {
          await report.add(problems.splice(0));
          await flush();
        }
      }
      await report.add(problems);
      input.signal?.throwIfAborted();
    }
    await flush();
    const reportKey = await report.finish();
    return { totalRows, imported, rejected, reportKey, preview: report.preview };
  } catch (error) {
    await report.abort();
    throw error;
  }
}
