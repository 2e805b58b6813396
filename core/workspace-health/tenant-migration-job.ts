import type { Job } from "../ports/job-queue.ts";

/**
 * The job type whose handler (jobs/handlers/tenants-migrate.ts) migrates tenant
 * schemas; named here too because core cannot import the handler.
 */
export const TENANTS_MIGRATE_JOB = "tenants.migrate";

/** Migration states as the Workspace Health stream reports them. */
export type MigrationStatus = "QUEUED" | "RUNNING" | "COMPLETED" | "FAILED";

/** One progress report of a workspace migration. */
export type MigrationProgress = {
  jobId: string;
  status: MigrationStatus;
  /** 0-100. */
  progress: number;
  currentStep: string | null;
  message: string | null;
  /** Set when FAILED. */
  errorMessage: string | null;
  attempts: number;
  updatedAt: Date;
  finishedAt: Date | null;
};

/** True when the job belongs to this workspace and is a tenant migration. */
export function isMigrationJobOf(job: Job, workspaceId: string): boolean {
  return job.type === TENANTS_MIGRATE_JOB && job.workspaceId === workspaceId;
}

/** A job's state in migration terms; a cancelled job reads as FAILED. */
export function migrationProgressOf(job: Pick<Job, "id" | "status" | "progress" | "currentStep" | "progressMessage" | "lastError" | "attempts" | "updatedAt" | "finishedAt">): MigrationProgress {
  const status: MigrationStatus =
    job.status === "queued" ? "QUEUED" : job.status === "running" ? "RUNNING" : job.status === "succeeded" ? "COMPLETED" : "FAILED";
  return {
    jobId: job.id,
    status,
    progress: job.progress,
    currentStep: job.currentStep,
    message: job.progressMessage,
    errorMessage: status === "FAILED" ? (job.lastError ?? (job.status === "cancelled" ? "the migration was cancelled" : "the migration failed")) : null,
    attempts: job.attempts,
    updatedAt: job.updatedAt,
    finishedAt: job.finishedAt,
  };
}
