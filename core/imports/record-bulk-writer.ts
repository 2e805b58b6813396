import type { WorkspaceRef } from "../members/member-repository.ts";
import type { RejectedRow } from "../ports/tabular-file-reader.ts";
import type { RecordsetRecord } from "../recordsets/recordset-repository.ts";

/** A validated row ready to become a record. */
/**
 * One row to write. The values travel as JSON text, serialised as soon as the row is
 * coerced: a batch then holds one string per row instead of an object graph, which keeps
 * the objects short-lived (they die in V8's young generation instead of piling up as old
 * garbage while the batch is written) and the import's peak memory low.
 */
export type BulkRecordRow = { rowNumber: number; fieldValuesJson: string };

/**
 * How far an import job got, committed with each batch: a retried attempt (crashed worker,
 * lost lease) skips every row up to `lastRowNumber`, so nothing is imported twice or lost.
 */
export type ImportCheckpoint = {
  jobId: string;
  /** File rows (imported or rejected) handled up to the last committed batch. */
  rowsDone: number;
  /** The file row number of the last row handled (rows are numbered in file order). */
  lastRowNumber: number;
  imported: number;
  rejected: number;
  /** Rows in the file when known (from the upload's analysis). */
  totalRows: number | null;
  updatedAt: Date;
};

export type BulkWriteTarget = {
  ws: WorkspaceRef;
  recordset: Pick<RecordsetRecord, "id" | "fields" | "promoted" | "gis">;
  userId: string | null;
  jobId: string;
};

/** The checkpoint to store with a batch: the counts before it, the position after it. */
export type BatchPosition = Omit<ImportCheckpoint, "jobId" | "updatedAt">;

/**
 * Writes imported records in bulk. Postgres: COPY into a staging table, then one
 * `insert ... select` computing title, promoted columns and geometry in SQL.
 */
export interface RecordBulkWriter {
  checkpoint(ws: WorkspaceRef, jobId: string): Promise<ImportCheckpoint | null>;
  /**
   * In ONE transaction: inserts the rows as records (with their version-1 history rows),
   * bumps the recordset's record count and stores the checkpoint `position` (its `imported`
   * and `rejected` grown by this batch's outcome). A row the database refuses (a geometry
   * PostGIS finds invalid) is isolated, not written and returned as rejected; the rest of
   * the batch is written.
   */
  writeBatch(target: BulkWriteTarget, rows: readonly BulkRecordRow[], position: BatchPosition): Promise<{ imported: number; rejected: RejectedRow[] }>;
}
