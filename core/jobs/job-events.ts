import type { Job, JobStatus } from "../ports/job-queue.ts";

/**
 * What the queue publishes on `jobs:<id>` after each state change: `status` when
 * the status (or attempt) changed, `progress` for progress reports. Carries the
 * job's visible state, so a subscriber can render it without re-reading the row.
 */
export type JobEvent = {
  event: "status" | "progress";
  id: string;
  type: string;
  workspaceId: string | null;
  status: JobStatus;
  attempts: number;
  maxAttempts: number;
  progress: number;
  progressMessage: string | null;
  currentStep: string | null;
  lastError: string | null;
  runAt: string;
  updatedAt: string;
  finishedAt: string | null;
};

/** The pub/sub channel carrying one job's events. */
export function jobChannel(jobId: string): string {
  return `jobs:${jobId}`;
}

/** The event for `job`'s current state. */
export function toJobEvent(job: Job, event: JobEvent["event"]): JobEvent {
  return {
    event,
    id: job.id,
    type: job.type,
    workspaceId: job.workspaceId,
    status: job.status,
    attempts: job.attempts,
    maxAttempts: job.maxAttempts,
    progress: job.progress,
    progressMessage: job.progressMessage,
    currentStep: job.currentStep,
    lastError: job.lastError,
    runAt: job.runAt.toISOString(),
    updatedAt: job.updatedAt.toISOString(),
    finishedAt: job.finishedAt ? job.finishedAt.toISOString() : null,
  };
}

/** Parses a message from a job channel; null when it is not a job event. */
export function parseJobEvent(message: string): JobEvent | null {
  try {
    const value = JSON.parse(message) as Partial<JobEvent> | null;
    if (!value || (value.event !== "status" && value.event !== "progress") || typeof value.id !== "string") return null;
    return value as JobEvent;
  } catch {
    return null;
  }
}

/** True once the job can no longer change on its own. */
export function isFinished(status: JobStatus): boolean {
  return status === "succeeded" || status === "failed" || status === "cancelled";
}
