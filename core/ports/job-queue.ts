/**
 * The background-jobs queue: durable jobs in the platform database, claimed by
 * workers under a lease that heartbeats extend, retried with backoff, cancellable,
 * with progress events published on the pub/sub port (channel `jobs:<id>`).
 *
 * @example
 * const job = await queue.enqueue({ type: "tenants.migrate", payload: {} });
 * const page = await queue.list({ workspaceId, status: "running" });
 */

/** JSON-serialisable data, as stored in jsonb columns. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export type JobStatus = "queued" | "running" | "succeeded" | "failed" | "cancelled";

/** Every status, in lifecycle order. */
export const jobStatuses: readonly JobStatus[] = ["queued", "running", "succeeded", "failed", "cancelled"];

/** A job row. Timestamps are the database's clock. */
export type Job = {
  id: string;
  /** Handler name, dotted by area, e.g. `tenants.migrate`, `records.import`. */
  type: string;
  /** Owning workspace; null for platform jobs. */
  workspaceId: string | null;
  payload: JsonValue;
  status: JobStatus;
  /** Higher runs sooner. */
  priority: number;
  /** Attempts started so far (incremented at each claim). */
  attempts: number;
  maxAttempts: number;
  /** Not claimable before this instant (delays and retry backoff). */
  runAt: Date;
  /** Worker holding the lease while running. */
  lockedBy: string | null;
  leaseExpiresAt: Date | null;
  /** 0-100. */
  progress: number;
  progressMessage: string | null;
  currentStep: string | null;
  result: JsonValue | null;
  lastError: string | null;
  cancelRequestedAt: Date | null;
  /** User who caused the job, when there is one. */
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
  /** First time any attempt started. */
  startedAt: Date | null;
  /** Set when the job reaches succeeded, failed or cancelled. */
  finishedAt: Date | null;
};

declare const transactionBrand: unique symbol;

/**
 * The caller's open database transaction, opaque to core. The database adapter
 * turns its own transaction into one (see `asJobTransaction` in adapters/postgres),
 * so a job enqueued with it exists only if the domain write commits.
 */
export type JobTransaction = { readonly [transactionBrand]: "JobTransaction" };

export type EnqueueJobInput = {
  type: string;
  payload?: JsonValue;
  workspaceId?: string | null;
  /** Higher runs sooner; default 0. */
  priority?: number;
  /** Attempts before the job fails for good; default 3. */
  maxAttempts?: number;
  /** Earliest start; default now. */
  runAt?: Date;
  createdBy?: string | null;
};

export type EnqueueOptions = {
  /** Insert inside this transaction instead of on its own. */
  transaction?: JobTransaction;
};

/** Restricts a lookup to one workspace: other workspaces' jobs are "not found". */
export type JobScope = { workspaceId?: string };

export type ListJobsFilter = {
  /** Only this workspace's jobs; null selects platform jobs; omitted selects all. */
  workspaceId?: string | null;
  status?: JobStatus | readonly JobStatus[];
  /** One type or any of several. */
  type?: string | readonly string[];
  /** Default 50, at most 500. */
  limit?: number;
  offset?: number;
};

export type JobPage = { items: Job[]; total: number };

/**
 * Identifies one claim of a job. Every write a worker makes is checked against it,
 * so a worker whose lease expired (and whose job another worker re-claimed)
 * cannot overwrite the newer attempt.
 */
export type JobLease = { readonly jobId: string; readonly workerId: string; readonly attempt: number };

export type ClaimedJob = { job: Job; lease: JobLease };

export type ClaimOptions = {
  workerId: string;
  /** At most this many jobs. */
  limit: number;
  leaseMs: number;
  /** Only these types (the ones the worker has handlers for); omitted means any. */
  types?: readonly string[];
  /**
   * Only jobs of these workspaces; omitted means any (platform jobs included). Lets a
   * worker pool be dedicated to some tenants, and keeps test processes that share one
   * database from running each other's jobs.
   */
  workspaceIds?: readonly string[];
};

export type HeartbeatResult = {
  /** False when the lease was lost: stop work and write nothing more. */
  leaseHeld: boolean;
  /** Someone asked to cancel: abort and report through `fail`. */
  cancelRequested: boolean;
};

export type JobProgress = { percent: number; message?: string | null; step?: string | null };

export type FailOptions = {
  /** False for errors a retry cannot fix; default true. */
  retryable?: boolean;
};

/** What `fail` did with the job. */
export type FailOutcome =
  | { status: "queued"; retryAt: Date }
  | { status: "failed" }
  | { status: "cancelled" }
  | { status: "lease_lost" };

/** Durable job queue (Postgres in production and embedded). */
export interface JobQueue {
  enqueue(input: EnqueueJobInput, options?: EnqueueOptions): Promise<Job>;
  /** One insert for many jobs, same transaction semantics as `enqueue`. */
  enqueueMany(inputs: readonly EnqueueJobInput[], options?: EnqueueOptions): Promise<Job[]>;
  /** The job, or null when missing or outside `scope`. */
  get(id: string, scope?: JobScope): Promise<Job | null>;
  /** Newest first. */
  list(filter?: ListJobsFilter): Promise<JobPage>;
  /**
   * Queued: cancelled at once. Running: cancel requested; the worker's signal fires at
   * its next heartbeat and the job ends cancelled. Throws NotFound, or Conflict when the
   * job already succeeded or failed. Cancelling a cancelled job returns it unchanged.
   */
  cancel(id: string, scope?: JobScope): Promise<Job>;
  /**
   * Deletes a finished (succeeded, failed or cancelled) job from history. Throws NotFound,
   * or Conflict while it is queued or running.
   */
  remove(id: string, scope?: JobScope): Promise<void>;
  /** A failed or cancelled job is queued again with fresh attempts; Conflict otherwise. */
  retry(id: string, scope?: JobScope): Promise<Job>;
  /**
   * Atomically takes due queued jobs (and running jobs whose lease expired) with
   * `FOR UPDATE SKIP LOCKED`, marks them running under a new lease.
   */
  claim(options: ClaimOptions): Promise<ClaimedJob[]>;
  /** Extends the lease to now + leaseMs. */
  heartbeat(lease: JobLease, leaseMs: number): Promise<HeartbeatResult>;
  /** Stores progress and publishes it; false when the lease was lost. */
  progress(lease: JobLease, progress: JobProgress): Promise<boolean>;
  /** Marks the job succeeded with `result`; false when the lease was lost. */
  complete(lease: JobLease, result?: JsonValue | null): Promise<boolean>;
  /**
   * Records a failed attempt: queued again after backoff while attempts remain and the
   * error is retryable, failed for good otherwise, cancelled if cancel was requested.
   */
  fail(lease: JobLease, error: unknown, options?: FailOptions): Promise<FailOutcome>;
  /**
   * Gives the job back without counting the attempt (graceful shutdown): queued again
   * at once, or cancelled if cancel was requested. False when the lease was lost.
   */
  release(lease: JobLease): Promise<boolean>;
}
