import type { Actor } from "../auth/actor.ts";
import { workspaceOf } from "../members/member-access.ts";
import type { Job, JobQueue } from "../ports/job-queue.ts";
import { parseRecordFilters } from "../records/record-filters.ts";
import { checkProjection } from "../records/list-records.ts";
import { recordsetFor, type RecordsetAccessDeps } from "../recordsets/recordset-access.ts";
import type { RecordsetRecord } from "../recordsets/recordset-repository.ts";
import { EXPORT_JOB, exportFileType, type ExportFilters, type ExportFormat, type ExportPayload } from "./export-job.ts";

export type CreateExportJobInput = {
  recordsetId: string;
  format: ExportFormat;
  /** Field keys in column order; omitted or empty = every field. */
  fields?: string[] | undefined;
  filters?: ExportFilters | undefined;
};

/**
 * `createExportJob`: queues `recordsets.export` for a recordset the actor can view (404 when it
 * does not exist, 403 without `can_view`). Fields and filters are checked against the schema
 * now (422 naming the unknown field), so a queued export can run; the job writes the file to
 * storage and its view then carries a signed download URL.
 */
export async function createExportJob(deps: RecordsetAccessDeps & { jobs: JobQueue }, actor: Actor, input: CreateExportJobInput): Promise<{ job: Job; recordset: RecordsetRecord }> {
  const { recordset } = await recordsetFor(deps, actor, { id: input.recordsetId }, "can_view");
  const fields = input.fields ?? [];
  checkProjection(recordset, fields.length ? fields : undefined);
  const filters = input.filters ?? {};
  parseRecordFilters(filters, { fields: recordset.fields, promoted: recordset.promoted });
  const ws = workspaceOf(actor);
  const payload: ExportPayload = {
    workspaceId: ws.id,
    schemaName: ws.schemaName,
    userId: actor.userId,
    recordsetId: recordset.id,
    format: input.format,
    fields: [...new Set(fields)],
    filters,
    fileName: `${recordset.slug}.${exportFileType(input.format).extension}`,
  };
  const job = await deps.jobs.enqueue({ type: EXPORT_JOB, workspaceId: ws.id, createdBy: actor.userId, payload });
  return { job, recordset };
}
