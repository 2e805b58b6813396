import type { Job, JsonValue } from "../ports/job-queue.ts";

/** Reports progress: `percent` 0-100 (clamped), an optional message and step name. */
export type ReportProgress = (percent: number, message?: string | null, step?: string | null) => void;

/** What a handler receives for one attempt. */
export type JobContext = {
  job: Job;
  /**
   * Aborts when the job is cancelled, the lease is lost or the worker shuts down.
   * Long handlers check it between steps (or pass it to fetch) and stop promptly.
   */
  signal: AbortSignal;
  reportProgress: ReportProgress;
};

/**
 * Does the work of one job type. The resolved value is stored as the job's result;
 * a throw is a failed attempt (retried unless it is a `PermanentJobError`).
 * Handlers must tolerate running again after a crash: attempts are at-least-once.
 */
export type JobHandler = (context: JobContext) => Promise<JsonValue | void>;

/** Thrown by a handler when retrying cannot help (bad payload, missing resource). */
export class PermanentJobError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "PermanentJobError";
  }
}

/** The reason an aborted handler's signal carries when the job was cancelled. */
export class JobCancelledError extends Error {
  constructor(message = "job was cancelled") {
    super(message);
    this.name = "JobCancelledError";
  }
}
