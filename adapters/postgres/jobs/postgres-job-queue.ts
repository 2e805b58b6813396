import { sql, type ExpressionBuilder, type Kysely, type RawBuilder, type Selectable, type Transaction, type UpdateObject } from "kysely";
import { Conflict, Invalid, NotFound, type FieldIssue } from "../../../core/errors.ts";
import { isUuid, newId } from "../../../core/ids.ts";
import { backoffDelayMs, defaultBackoff, type BackoffPolicy } from "../../../core/jobs/backoff.ts";
import { jobChannel, toJobEvent, type JobEvent } from "../../../core/jobs/job-events.ts";
import type {
  ClaimOptions,
  ClaimedJob,
  EnqueueJobInput,
  EnqueueOptions,
  FailOptions,
  FailOutcome,
  HeartbeatResult,
  Job,
  JobLease,
  JobPage,
  JobProgress,
  JobQueue,
  JobScope,
  JobStatus,
  JobTransaction,
  JsonValue,
  ListJobsFilter,
} from "../../../core/ports/job-queue.ts";
import type { Logger } from "../../../core/ports/logger.ts";
import type { PubSub } from "../../../core/ports/pub-sub.ts";
import { jsonb as toJsonb } from "../jsonb.ts";
import type { JobsTable, PlatformDatabase } from "../platform-schema.ts";

type JobsDb = Kysely<PlatformDatabase>;

export type PostgresJobQueueOptions = {
  db: JobsDb;
  /** Progress and status events go out on `jobs:<id>`. */
  pubSub: PubSub;
  logger?: Logger;
  backoff?: BackoffPolicy;
  /** Jitter source; inject for deterministic tests. */
  random?: () => number;
  /** How often `claim` also ends abandoned jobs that must not run again; default 1 s. */
  sweepIntervalMs?: number;
};

/**
 * Wraps the caller's open Kysely transaction for `JobQueue.enqueue`, so the job row
 * commits or rolls back with the domain write.
 *
 * @example
 * await tenantDatabase(handle, schema).transaction(async (trx) => {
 *   await trx.insertInto("imports").values(row).execute();
 *   await jobs.enqueue(
 *     { type: "records.import", workspaceId, payload: { importId: row.id }, createdBy: actor.userId },
 *     { transaction: asJobTransaction(trx) },
 *   );
 * });
 */
export function asJobTransaction<DB>(trx: Transaction<DB>): JobTransaction {
  if (!trx.isTransaction) throw new TypeError("asJobTransaction needs an open transaction, not the database");
  return trx as unknown as JobTransaction;
}

const MAX_ERROR_LENGTH = 4_000;
const MAX_LIST_LIMIT = 500;
const INSERT_CHUNK = 1_000;
const TYPE_PATTERN = /^[a-z][a-z0-9_-]*(\.[a-z0-9_-]+)*$/i;

/**
 * `JobQueue` on the platform `jobs` table. Every statement names the `public`
 * schema, and inserts go through `public.enqueue_jobs()`, so a tenant transaction
 * (scoped to its schema, running as its role) can enqueue too. Writes by a worker
 * are fenced by its lease (worker id + attempt number).
 *
 * @example
 * const jobs = new PostgresJobQueue({ db: database.db, pubSub, logger });
 */
export class PostgresJobQueue implements JobQueue {
  readonly #db: JobsDb;
  readonly #pubSub: PubSub;
  readonly #logger: Logger | undefined;
  readonly #backoff: BackoffPolicy;
  readonly #random: () => number;
  readonly #sweepIntervalMs: number;
  #lastSweep = 0;

  constructor(options: PostgresJobQueueOptions) {
    this.#db = options.db.withSchema("public");
    this.#pubSub = options.pubSub;
    this.#logger = options.logger;
    this.#backoff = options.backoff ?? defaultBackoff;
    this.#random = options.random ?? Math.random;
    this.#sweepIntervalMs = options.sweepIntervalMs ?? 1_000;
  }

  async enqueue(input: EnqueueJobInput, options: EnqueueOptions = {}): Promise<Job> {
    const [job] = await this.enqueueMany([input], options);
    return job!;
  }

  async enqueueMany(inputs: readonly EnqueueJobInput[], options: EnqueueOptions = {}): Promise<Job[]> {
    const items = inputs.map((input, index) => toEnqueueItem(input, inputs.length > 1 ? `jobs[${index}].` : ""));
    // Inside the caller's transaction when given: the jobs commit or roll back with it.
    const executor = options.transaction ? (options.transaction as unknown as JobsDb) : this.#db;
    const jobs: Job[] = [];
    for (let start = 0; start < items.length; start += INSERT_CHUNK) {
      // Through enqueue_jobs() (migration 0002): a tenant transaction runs as a role that
      // may not touch public.jobs itself.
      const inserted = await sql<Selectable<JobsTable>>`
        select * from public.enqueue_jobs(${toJsonb(items.slice(start, start + INSERT_CHUNK))})`.execute(executor);
      jobs.push(...inserted.rows.map(toJob));
    }
    const byId = new Map(jobs.map((job) => [job.id, job]));
    return items.map((item) => byId.get(item.id)!);
  }

  async get(id: string, scope: JobScope = {}): Promise<Job | null> {
    if (!isUuid(id) || !validScope(scope)) return null;
    let query = this.#db.selectFrom("jobs").selectAll().where("id", "=", id);
    if (scope.workspaceId !== undefined) query = query.where("workspace_id", "=", scope.workspaceId);
    const row = await query.executeTakeFirst();
    return row ? toJob(row) : null;
  }

  async list(filter: ListJobsFilter = {}): Promise<JobPage> {
    const limit = Math.min(MAX_LIST_LIMIT, Math.max(1, Math.floor(filter.limit ?? 50)));
    const offset = Math.max(0, Math.floor(filter.offset ?? 0));
    const statuses = filter.status === undefined ? [] : typeof filter.status === "string" ? [filter.status] : [...filter.status];

    if (typeof filter.workspaceId === "string" && !isUuid(filter.workspaceId)) return { items: [], total: 0 };
    let base = this.#db.selectFrom("jobs");
    if (filter.workspaceId === null) base = base.where("workspace_id", "is", null);
    else if (filter.workspaceId !== undefined) base = base.where("workspace_id", "=", filter.workspaceId);
    if (statuses.length > 0) base = base.where("status", "in", statuses);
    if (typeof filter.type === "string") base = base.where("type", "=", filter.type);
    else if (filter.type !== undefined) {
      if (filter.type.length === 0) return { items: [], total: 0 };
      base = base.where("type", "in", [...filter.type]);
    }

    const rows = await base
      .selectAll()
      .orderBy("created_at", "desc")
      .orderBy("id", "desc")
      .limit(limit)
      .offset(offset)
      .execute();
    const counted = await base.select((eb) => eb.fn.countAll<string | number | bigint>().as("total")).executeTakeFirst();
    return { items: rows.map(toJob), total: Number(counted?.total ?? 0) };
  }

  async cancel(id: string, scope: JobScope = {}): Promise<Job> {
    const changed = await this.#transition(id, scope, ["queued", "running"], {
      // A queued job has no worker to tell: it is cancelled on the spot.
      status: sql<JobStatus>`case when status = 'queued' then 'cancelled' else status end`,
      finished_at: sql<Date | null>`case when status = 'queued' then now() else finished_at end`,
      cancel_requested_at: sql<Date>`coalesce(cancel_requested_at, now())`,
    });
    if (changed) return changed;
    const existing = await this.#existing(id, scope);
    if (existing.status === "cancelled") return existing;
    throw new Conflict(`job ${id} already ${existing.status}; only queued or running jobs can be cancelled`, {
      job_status: existing.status,
    });
  }

  async remove(id: string, scope: JobScope = {}): Promise<void> {
    if (!isUuid(id) || !validScope(scope)) throw new NotFound("job", id);
    let query = this.#db.deleteFrom("jobs").where("id", "=", id).where("status", "in", ["succeeded", "failed", "cancelled"]);
    if (scope.workspaceId !== undefined) query = query.where("workspace_id", "=", scope.workspaceId);
    const deleted = await query.executeTakeFirst();
    if (Number(deleted.numDeletedRows) > 0) return;
    const existing = await this.#existing(id, scope);
    throw new Conflict(`job ${id} is ${existing.status}; only finished jobs can be deleted`, { job_status: existing.status });
  }

  async retry(id: string, scope: JobScope = {}): Promise<Job> {
    const changed = await this.#transition(id, scope, ["failed", "cancelled"], {
      status: "queued",
      attempts: 0,
      run_at: sql<Date>`now()`,
      locked_by: null,
      lease_expires_at: null,
      progress: 0,
      progress_message: null,
      current_step: null,
      result: null,
      cancel_requested_at: null,
      started_at: null,
      finished_at: null,
    });
    if (changed) return changed;
    const existing = await this.#existing(id, scope);
    throw new Conflict(`job ${id} is ${existing.status}; only failed or cancelled jobs can be retried`, {
      job_status: existing.status,
    });
  }

  /**
   * Applies `changes` to the job when it is in one of `from` (and in `scope`), publishing
   * the new status; undefined when no row matched.
   */
  async #transition(
    id: string,
    scope: JobScope,
    from: JobStatus[],
    changes: UpdateObject<PlatformDatabase, "jobs">,
  ): Promise<Job | undefined> {
    if (!isUuid(id) || !validScope(scope)) throw new NotFound("job", id);
    let query = this.#db
      .updateTable("jobs")
      .set(changes)
      .set({ updated_at: sql<Date>`now()` })
      .where("id", "=", id)
      .where("status", "in", from);
    if (scope.workspaceId !== undefined) query = query.where("workspace_id", "=", scope.workspaceId);
    const row = await query.returningAll().executeTakeFirst();
    if (!row) return undefined;
    const job = toJob(row);
    await this.#publish(job, "status");
    return job;
  }

  /** The job in `scope`, or NotFound. */
  async #existing(id: string, scope: JobScope): Promise<Job> {
    const existing = await this.get(id, scope);
    if (!existing) throw new NotFound("job", id);
    return existing;
  }

  async claim(options: ClaimOptions): Promise<ClaimedJob[]> {
    const limit = Math.floor(options.limit);
    const workspaceIds = options.workspaceIds?.filter(isUuid);
    if (limit < 1 || (options.types && options.types.length === 0) || (workspaceIds && workspaceIds.length === 0)) return [];
    if (Date.now() - this.#lastSweep >= this.#sweepIntervalMs) {
      this.#lastSweep = Date.now();
      await this.#settleAbandoned();
    }

    const typeFilter = options.types ? sql`and type in (${sql.join(options.types)})` : sql``;
    const workspaceFilter = workspaceIds ? sql`and workspace_id in (${sql.join(workspaceIds)})` : sql``;
    // One statement: the subquery locks due rows other claimers are not holding, the
    // update takes them. A running row whose lease expired was abandoned by a dead
    // worker; taking it over starts its next attempt.
    const result = await sql<Selectable<JobsTable>>`
      update public.jobs as j
         set status = 'running',
             locked_by = ${options.workerId},
             lease_expires_at = now() + ${interval(options.leaseMs)},
             attempts = j.attempts + 1,
             started_at = coalesce(j.started_at, now()),
             updated_at = now()
        from (
          select id from public.jobs
           where ((status = 'queued' and run_at <= now())
               or (status = 'running' and lease_expires_at < now()
                   and attempts < max_attempts and cancel_requested_at is null))
             ${typeFilter}
             ${workspaceFilter}
           order by priority desc, run_at, id
           limit ${limit}
           for update skip locked
        ) as due
       where j.id = due.id
      returning j.*`.execute(this.#db);

    const claimed = result.rows.map((row) => {
      const job = toJob(row);
      return { job, lease: { jobId: job.id, workerId: options.workerId, attempt: job.attempts } };
    });
    claimed.sort((a, b) => b.job.priority - a.job.priority || a.job.runAt.getTime() - b.job.runAt.getTime());
    for (const { job } of claimed) await this.#publish(job, "status");
    return claimed;
  }

  async heartbeat(lease: JobLease, leaseMs: number): Promise<HeartbeatResult> {
    const row = await this.#db.updateTable("jobs").where(leaseMatches(lease))
      .set({ lease_expires_at: sql<Date>`now() + ${interval(leaseMs)}` })
      .returning(["cancel_requested_at"])
      .executeTakeFirst();
    if (!row) return { leaseHeld: false, cancelRequested: false };
    return { leaseHeld: true, cancelRequested: row.cancel_requested_at !== null };
  }

  async progress(lease: JobLease, progress: JobProgress): Promise<boolean> {
    const percent = clampPercent(progress.percent);
    let update = this.#db.updateTable("jobs").where(leaseMatches(lease)).set({
      progress: percent,
      updated_at: sql<Date>`now()`,
    });
    // Omitted message/step keep the previous ones; null clears them.
    if (progress.message !== undefined) update = update.set({ progress_message: truncate(progress.message) });
    if (progress.step !== undefined) update = update.set({ current_step: truncate(progress.step, 200) });
    const row = await update.returningAll().executeTakeFirst();
    if (!row) return false;
    await this.#publish(toJob(row), "progress");
    return true;
  }

  async complete(lease: JobLease, result: JsonValue | null = null): Promise<boolean> {
    const row = await this.#db.updateTable("jobs").where(leaseMatches(lease))
      .set({
        status: "succeeded",
        result: jsonb(result),
        progress: 100,
        lease_expires_at: null,
        finished_at: sql<Date>`now()`,
        updated_at: sql<Date>`now()`,
      })
      .returningAll()
      .executeTakeFirst();
    if (!row) return false;
    await this.#publish(toJob(row), "status");
    return true;
  }

  async fail(lease: JobLease, error: unknown, options: FailOptions = {}): Promise<FailOutcome> {
    const retryable = options.retryable ?? true;
    const delayMs = backoffDelayMs(lease.attempt, this.#backoff, this.#random);
    const willRetry = sql<boolean>`(${sql.lit(retryable)} and attempts < max_attempts)`;
    const row = await this.#db.updateTable("jobs").where(leaseMatches(lease))
      .set({
        status: sql<JobStatus>`case
          when cancel_requested_at is not null then 'cancelled'
          when ${willRetry} then 'queued'
          else 'failed' end`,
        run_at: sql<Date>`case when cancel_requested_at is null and ${willRetry}
          then now() + ${interval(delayMs)} else run_at end`,
        finished_at: sql<Date | null>`case when cancel_requested_at is null and ${willRetry} then null else now() end`,
        last_error: sql<string | null>`case when cancel_requested_at is not null then last_error else ${describeError(error)} end`,
        // Queued again: nobody holds it. Finished: keep who ran the last attempt.
        locked_by: sql<string | null>`case when cancel_requested_at is null and ${willRetry} then null else locked_by end`,
        lease_expires_at: null,
        updated_at: sql<Date>`now()`,
      })
      .returningAll()
      .executeTakeFirst();
    if (!row) return { status: "lease_lost" };
    const job = toJob(row);
    await this.#publish(job, "status");
    if (job.status === "queued") return { status: "queued", retryAt: job.runAt };
    return { status: job.status === "cancelled" ? "cancelled" : "failed" };
  }

  async release(lease: JobLease): Promise<boolean> {
    const row = await this.#db.updateTable("jobs").where(leaseMatches(lease))
      .set({
        status: sql<JobStatus>`case when cancel_requested_at is not null then 'cancelled' else 'queued' end`,
        // The attempt was cut short by us, not by the job: give it back.
        attempts: sql<number>`case when cancel_requested_at is not null then attempts else greatest(attempts - 1, 0) end`,
        run_at: sql<Date>`now()`,
        locked_by: sql<string | null>`case when cancel_requested_at is not null then locked_by else null end`,
        lease_expires_at: null,
        finished_at: sql<Date | null>`case when cancel_requested_at is not null then now() else null end`,
        updated_at: sql<Date>`now()`,
      })
      .returningAll()
      .executeTakeFirst();
    if (!row) return false;
    await this.#publish(toJob(row), "status");
    return true;
  }

  /**
   * Ends abandoned jobs that must not be picked up again: out of attempts (a job
   * that kills its worker every time would otherwise loop forever) or cancel
   * requested while its worker was gone.
   */
  async #settleAbandoned(): Promise<void> {
    const result = await sql<Selectable<JobsTable>>`
      update public.jobs as j
         set status = case when j.cancel_requested_at is not null then 'cancelled' else 'failed' end,
             last_error = case when j.cancel_requested_at is not null then j.last_error
               else 'lease expired: the worker stopped responding (attempt ' || j.attempts || ' of ' || j.max_attempts || ')' end,
             lease_expires_at = null,
             finished_at = now(),
             updated_at = now()
        from (
          select id from public.jobs
           where status = 'running' and lease_expires_at < now()
             and (attempts >= max_attempts or cancel_requested_at is not null)
           for update skip locked
        ) as dead
       where j.id = dead.id
      returning j.*`.execute(this.#db);
    for (const row of result.rows) await this.#publish(toJob(row), "status");
  }

  async #publish(job: Job, kind: JobEvent["event"]): Promise<void> {
    try {
      await this.#pubSub.publish(jobChannel(job.id), JSON.stringify(toJobEvent(job, kind)));
    } catch (error) {
      // Events are advisory (pollers read the row); a pub/sub outage must not fail the job.
      this.#logger?.warn("job event not published", { jobId: job.id, error });
    }
  }
}

function validScope(scope: JobScope): boolean {
  return scope.workspaceId === undefined || isUuid(scope.workspaceId);
}

/** The row is still running under exactly this claim. */
function leaseMatches(lease: JobLease) {
  return (eb: ExpressionBuilder<PlatformDatabase, "jobs">) =>
    eb.and([
      eb("id", "=", lease.jobId),
      eb("status", "=", "running"),
      eb("locked_by", "=", lease.workerId),
      eb("attempts", "=", lease.attempt),
    ]);
}

/** One element of enqueue_jobs()'s argument; columns left out take their defaults. */
type EnqueueItem = {
  id: string;
  type: string;
  workspace_id: string | null;
  payload: JsonValue;
  priority: number;
  max_attempts: number;
  run_at: string | null;
  created_by: string | null;
};

function toEnqueueItem(input: EnqueueJobInput, prefix: string): EnqueueItem {
  const issues: FieldIssue[] = [];
  if (typeof input.type !== "string" || input.type.length > 100 || !TYPE_PATTERN.test(input.type)) {
    issues.push({ field: `${prefix}type`, message: "must be a dotted name such as `records.import` (at most 100 characters)" });
  }
  const maxAttempts = input.maxAttempts ?? 3;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1 || maxAttempts > 100) {
    issues.push({ field: `${prefix}maxAttempts`, message: "must be an integer from 1 to 100" });
  }
  const priority = input.priority ?? 0;
  if (!Number.isInteger(priority) || Math.abs(priority) > 1_000_000) {
    issues.push({ field: `${prefix}priority`, message: "must be an integer from -1000000 to 1000000" });
  }
  if (input.workspaceId != null && !isUuid(input.workspaceId)) {
    issues.push({ field: `${prefix}workspaceId`, message: "must be a UUID" });
  }
  if (input.createdBy != null && !isUuid(input.createdBy)) {
    issues.push({ field: `${prefix}createdBy`, message: "must be a UUID" });
  }
  if (input.runAt !== undefined && Number.isNaN(input.runAt.getTime())) {
    issues.push({ field: `${prefix}runAt`, message: "must be a valid date" });
  }
  if (issues.length > 0) throw new Invalid("invalid job", issues);
  return {
    id: newId(),
    type: input.type,
    workspace_id: input.workspaceId ?? null,
    payload: input.payload ?? {},
    priority,
    max_attempts: maxAttempts,
    run_at: input.runAt ? input.runAt.toISOString() : null,
    created_by: input.createdBy ?? null,
  };
}

/** `jsonb()` from ../jsonb.ts, except that null stays SQL NULL (no result) rather than JSON null. */
function jsonb(value: JsonValue | null): RawBuilder<JsonValue> {
  return value === null ? sql<JsonValue>`null` : toJsonb(value);
}

function interval(ms: number): RawBuilder<unknown> {
  return sql`(cast(${Math.max(0, Math.round(ms))} as double precision) * interval '1 millisecond')`;
}

function clampPercent(percent: number): number {
  if (!Number.isFinite(percent)) return 0;
  return Math.min(100, Math.max(0, Math.round(percent)));
}

function truncate(text: string | null, max = 1_000): string | null {
  if (text === null) return null;
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function describeError(error: unknown): string {
  let text: string;
  if (error instanceof Error) {
    text = error.name && error.name !== "Error" ? `${error.name}: ${error.message}` : error.message;
  } else if (typeof error === "string") {
    text = error;
  } else {
    try {
      text = JSON.stringify(error) ?? String(error);
    } catch {
      text = String(error);
    }
  }
  return truncate(text || "unknown error", MAX_ERROR_LENGTH)!;
}

function toJob(row: Selectable<JobsTable>): Job {
  return {
    id: row.id,
    type: row.type,
    workspaceId: row.workspace_id,
    payload: row.payload,
    status: row.status,
    priority: Number(row.priority),
    attempts: Number(row.attempts),
    maxAttempts: Number(row.max_attempts),
    runAt: toDate(row.run_at),
    lockedBy: row.locked_by,
    leaseExpiresAt: toNullableDate(row.lease_expires_at),
    progress: Number(row.progress),
    progressMessage: row.progress_message,
    currentStep: row.current_step,
    result: row.result ?? null,
    lastError: row.last_error,
    cancelRequestedAt: toNullableDate(row.cancel_requested_at),
    createdBy: row.created_by,
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
    startedAt: toNullableDate(row.started_at),
    finishedAt: toNullableDate(row.finished_at),
  };
}

// Raw `sql` results bypass driver type parsing in some setups; accept strings too.
function toDate(value: Date | string): Date {
  return value instanceof Date ? value : new Date(value);
}

function toNullableDate(value: Date | string | null): Date | null {
  return value === null ? null : toDate(value);
}
