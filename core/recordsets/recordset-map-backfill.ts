import type { WorkspaceRef } from "../members/member-repository.ts";
import type { Job, JsonValue } from "../ports/job-queue.ts";

/** Job type that fills `records.promoted_gis_1` of one recordset from its GIS source, in batches. */
export const RECORDSETS_GIS_BACKFILL_JOB = "recordsets.gis-backfill";

export type GisBackfillPayload = { workspaceId: string; schemaName: string; recordsetId: string };

export function toGisBackfillPayload(ws: WorkspaceRef, recordsetId: string): JsonValue {
  return { workspace_id: ws.id, schema_name: ws.schemaName, recordset_id: recordsetId };
}

/** The payload, or null when it is not one this job wrote. */
export function parseGisBackfillPayload(payload: JsonValue): GisBackfillPayload | null {
  if (typeof payload !== "object" || payload === null || Array.isArray(payload)) return null;
  const { workspace_id, schema_name, recordset_id } = payload;
  if (typeof workspace_id !== "string" || typeof schema_name !== "string" || typeof recordset_id !== "string") return null;
  return { workspaceId: workspace_id, schemaName: schema_name, recordsetId: recordset_id };
}

/** What the backfill job reports as its result. */
export type GisBackfillResult = { recordset_id: string; processed: number; with_geometry: number; batches: number };

/** The job as the API shows it (snake_case). */
export function toGisBackfillJobJson(job: Job) {
  return {
    job_id: job.id,
    type: job.type,
    status: job.status,
    progress: job.progress,
    progress_message: job.progressMessage,
    result: job.result,
    error: job.lastError,
    created_at: job.createdAt.toISOString(),
    started_at: job.startedAt?.toISOString() ?? null,
    finished_at: job.finishedAt?.toISOString() ?? null,
  };
}
