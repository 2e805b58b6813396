import type { Job, JsonValue } from "../ports/job-queue.ts";
import { importResultSchema, kindOfJob, type ImportJobKind } from "./import-jobs.ts";

/** The statuses the API shows (the contract's words, not the queue's). */
export const importJobStatuses = ["pending", "running", "completed", "failed", "cancelled"] as const;
export type ImportJobStatus = (typeof importJobStatuses)[number];

/** Counts a running job has committed so far (an import's checkpoint row; export/geocode report their own). */
export type JobCounts = { processed: number; total: number | null; imported: number; rejected: number };

/** The JSON of an import, export or geocode job (snake_case, as the routes return it). */
export type ImportJobJson = {
  id: string;
  job_type: ImportJobKind;
  status: ImportJobStatus;
  progress: { processed: number; total: number | null; imported: number; rejected: number; percent: number };
  recordset_id: string | null;
  file_name: string | null;
  summary: Record<string, JsonValue> | null;
  report_url: string | null;
  download_url: string | null;
  error: string | null;
  created_by: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
};

/**
 * The API status of a queue status. A running job whose cancel was requested shows as
 * `cancelled` at once (the contract: the UI reflects the intent; the worker stops at its next
 * batch and the row then becomes cancelled for good).
 */
export function importJobStatus(job: Pick<Job, "status" | "cancelRequestedAt">): ImportJobStatus {
  switch (job.status) {
    case "queued":
      return "pending";
    case "running":
      return job.cancelRequestedAt ? "cancelled" : "running";
    case "succeeded":
      return "completed";
    default:
      return job.status;
  }
}

/** Queue statuses behind an API status filter. */
export function queueStatusesFor(status: ImportJobStatus): Job["status"][] {
  switch (status) {
    case "pending":
      return ["queued"];
    case "completed":
      return ["succeeded"];
    default:
      return [status];
  }
}

const asObject = (value: JsonValue | null): Record<string, JsonValue> | null =>
  value !== null && typeof value === "object" && !Array.isArray(value) ? value : null;

const numberIn = (o: Record<string, JsonValue> | null, key: string): number | null => {
  const v = o?.[key];
  return typeof v === "number" ? v : null;
};

const textIn = (o: Record<string, JsonValue> | null, key: string): string | null => {
  const v = o?.[key];
  return typeof v === "string" ? v : null;
};

/**
 * One job as the API shows it. `counts` are the live counts of a running job; once the job
 * finished, its stored result is the truth. `reportUrl` / `downloadUrl` are signed by the
 * caller (they expire, so they are made per response, never stored).
 */
export function toImportJobJson(job: Job, extras: { counts?: JobCounts | null; reportUrl?: string | null; downloadUrl?: string | null } = {}): ImportJobJson {
  const payload = asObject(job.payload);
  const result = asObject(job.result);
  const kind = kindOfJob(job) ?? "import";
  const status = importJobStatus(job);
  const summary = job.status === "succeeded" ? result : null;
  const parsed = summary && kind === "import" ? importResultSchema.safeParse(summary) : null;
  const finished = parsed?.success ? parsed.data : null;
  const counts: JobCounts = finished
    ? { processed: finished.total_rows, total: finished.total_rows, imported: finished.imported, rejected: finished.rejected }
    : (extras.counts ?? {
        processed: numberIn(summary, "processed") ?? 0,
        total: numberIn(summary, "total") ?? numberIn(payload, "totalRows"),
        imported: numberIn(summary, "imported") ?? 0,
        rejected: numberIn(summary, "rejected") ?? 0,
      });
  const percent = status === "completed" ? 100 : Math.max(0, Math.min(100, Math.round(job.progress)));
  return {
    id: job.id,
    job_type: kind,
    status,
    progress: { ...counts, percent },
    recordset_id: textIn(payload, "recordsetId"),
    file_name: textIn(payload, "fileName"),
    summary,
    report_url: extras.reportUrl ?? null,
    download_url: extras.downloadUrl ?? null,
    error: job.status === "failed" ? job.lastError : null,
    created_by: job.createdBy,
    created_at: job.createdAt.toISOString(),
    started_at: job.startedAt?.toISOString() ?? null,
    finished_at: job.finishedAt?.toISOString() ?? null,
  };
}
