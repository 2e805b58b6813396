import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { JobCancelledError, PermanentJobError, type JobHandler } from "../core/jobs/job-handler.ts";
import type { ClaimedJob, Job, JobLease, JobProgress, JobQueue, JsonValue } from "../core/ports/job-queue.ts";
import type { Logger } from "../core/ports/logger.ts";

/** How one attempt ended, as seen by the worker. */
export type AttemptOutcome =
  | "succeeded"
  | "retrying"
  | "failed"
  | "cancelled"
  /** Given back at shutdown; another worker (or this one, restarted) runs it again. */
  | "released"
  /** Another worker took the job over; nothing was written. */
  | "lease_lost";

/** What a worker reports to `onEvent` (the CLI draws its progress display from these). */
export type WorkerEvent =
  | { kind: "started"; job: Job }
  | { kind: "progress"; job: Job; percent: number; message: string | null; step: string | null }
  | { kind: "finished"; job: Job; outcome: AttemptOutcome; durationMs: number; error?: string };

export type WorkerOptions = {
  queue: JobQueue;
  /** Handlers by job type; the worker only claims types it has a handler for. */
  handlers: ReadonlyMap<string, JobHandler>;
  /** Jobs run at once. */
  concurrency: number;
  /** Lease per claim; heartbeats every leaseMs/3 extend it. */
  leaseMs: number;
  /** Wait between claims while the queue is empty. */
  pollIntervalMs: number;
  workerId?: string;
  /** Only jobs of these workspaces (read at every claim); omitted means any. */
  workspaceIds?: readonly string[];
  logger: Logger;
  /** Minimum gap between progress writes per job (later reports coalesce); default 250. */
  progressIntervalMs?: number;
  onEvent?: (event: WorkerEvent) => void;
};

export type StopOptions = {
  /** How long running jobs may take to finish before they are aborted; default 30 s. */
  timeoutMs?: number;
  /** After aborting, how long to wait for handlers to notice before releasing their jobs anyway; default 5 s. */
  abortGraceMs?: number;
};

/** A running worker. */
export type Worker = {
  readonly id: string;
  /** Jobs running now. */
  readonly activeCount: number;
  /** Claims at once instead of waiting for the next poll (e.g. right after an enqueue). */
  nudge(): void;
  /**
   * Stops claiming, lets running jobs finish within `timeoutMs`, then aborts the rest
   * and gives them back to the queue (they are retried). Idempotent.
   */
  stop(options?: StopOptions): Promise<void>;
};

type Running = {
  claimed: ClaimedJob;
  controller: AbortController;
  /** Why the signal was aborted, when it was. */
  abortedFor: "cancel" | "lease_lost" | "shutdown" | null;
  /** Set when stop() gave up on the handler and released the job itself. */
  detached: boolean;
  done: Promise<void>;
};

/**
 * Starts a worker: claims up to `concurrency` jobs, runs their handlers with a
 * heartbeat, stores results and errors. Claims again at once while the queue
 * keeps yielding full batches, so a backlog drains without poll delays.
 *
 * @example
 * const worker = startWorker({ queue, handlers: registry, concurrency: 4, leaseMs: 30_000, pollIntervalMs: 1_000, logger });
 * process.once("SIGTERM", () => void worker.stop({ timeoutMs: 15_000 }));
 */
export function startWorker(options: WorkerOptions): Worker {
  const { queue, handlers, leaseMs, onEvent } = options;
  const concurrency = Math.max(1, Math.floor(options.concurrency));
  const pollIntervalMs = Math.max(1, options.pollIntervalMs);
  const progressIntervalMs = options.progressIntervalMs ?? 250;
  const id = options.workerId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const logger = options.logger.child({ component: "job-worker", workerId: id });
  const running = new Map<string, Running>();

  let stopping = false;
  let stopPromise: Promise<void> | null = null;
  let wake: (() => void) | null = null;
  // True when the last claim filled every free slot: the queue probably has more.
  let backlog = false;

  const emit = (event: WorkerEvent): void => {
    try {
      onEvent?.(event);
    } catch (error) {
      logger.warn("worker event listener threw", { error });
    }
  };

  const sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        wake = null;
        resolve();
      }
      wake = done;
    });

  const loop = async (): Promise<void> => {
    let failures = 0;
    while (!stopping) {
      const free = concurrency - running.size;
      if (free > 0) {
        try {
          const claimed = await queue.claim({ workerId: id, limit: free, leaseMs, types: [...handlers.keys()], ...(options.workspaceIds ? { workspaceIds: options.workspaceIds } : {}) });
          failures = 0;
          backlog = claimed.length === free;
          for (const job of claimed) startJob(job);
          if (stopping) break;
          if (backlog && running.size < concurrency) continue;
        } catch (error) {
          failures++;
          const delay = Math.min(30_000, pollIntervalMs * 2 ** Math.min(failures, 10));
          logger.error("claiming jobs failed", { error, retryInMs: delay });
          await sleep(delay);
          continue;
        }
      }
      await sleep(pollIntervalMs);
    }
  };

  const startJob = (claimed: ClaimedJob): void => {
    const controller = new AbortController();
    const entry: Running = { claimed, controller, abortedFor: null, detached: false, done: Promise.resolve() };
    running.set(claimed.job.id, entry);
    entry.done = runJob(entry).finally(() => {
      running.delete(claimed.job.id);
      // A slot is free: claim now if the queue had more, instead of sleeping out the poll.
      if (backlog && !stopping) wake?.();
    });
  };

  const abort = (entry: Running, reason: NonNullable<Running["abortedFor"]>, error: Error): void => {
    if (entry.abortedFor) return;
    entry.abortedFor = reason;
    entry.controller.abort(error);
  };

  const runJob = async (entry: Running): Promise<void> => {
    const { job, lease } = entry.claimed;
    const jobLogger = logger.child({ jobId: job.id, jobType: job.type, attempt: lease.attempt });
    const startedAt = Date.now();
    const handler: JobHandler =
      handlers.get(job.type) ??
      (async () => {
        throw new PermanentJobError(`no handler for job type "${job.type}"`);
      });
    const progress = progressWriter(queue, lease, progressIntervalMs, jobLogger, () =>
      abort(entry, "lease_lost", leaseLostError()),
    );
    const heartbeat = startHeartbeat(queue, lease, leaseMs, jobLogger, (reason) =>
      reason === "cancel" ? abort(entry, "cancel", new JobCancelledError()) : abort(entry, "lease_lost", leaseLostError()),
    );
    emit({ kind: "started", job });
    jobLogger.debug("job started");

    let value: JsonValue | void = undefined;
    let thrown: { error: unknown } | null = null;
    try {
      value = await handler({
        job,
        signal: entry.controller.signal,
        reportProgress: (percent, message, step) => {
          if (entry.controller.signal.aborted) return;
          progress.report({ percent, message, step });
          emit({
            kind: "progress",
            job,
            percent: Math.min(100, Math.max(0, Math.round(percent) || 0)),
            message: message ?? null,
            step: step ?? null,
          });
        },
      });
    } catch (error) {
      thrown = { error };
    }
    heartbeat.stop();
    await progress.flush();

    const finish = (outcome: AttemptOutcome, error?: unknown): void => {
      const durationMs = Date.now() - startedAt;
      const message = error === undefined ? undefined : errorMessage(error);
      emit({ kind: "finished", job, outcome, durationMs, ...(message === undefined ? {} : { error: message }) });
      const fields = { outcome, durationMs, ...(message === undefined ? {} : { error: message }) };
      if (outcome === "failed" || outcome === "retrying") jobLogger.warn("job attempt failed", fields);
      else jobLogger.info("job finished", fields);
    };

    if (entry.detached) return;
    try {
      if (entry.abortedFor === "lease_lost") {
        finish("lease_lost");
      } else if (!thrown) {
        const stored = await queue.complete(lease, value ?? null);
        finish(stored ? "succeeded" : "lease_lost");
      } else if (entry.abortedFor === "shutdown") {
        finish((await queue.release(lease)) ? "released" : "lease_lost");
      } else {
        const outcome = await queue.fail(lease, thrown.error, {
          retryable: !(thrown.error instanceof PermanentJobError),
        });
        const map = { queued: "retrying", failed: "failed", cancelled: "cancelled", lease_lost: "lease_lost" } as const;
        finish(map[outcome.status], outcome.status === "cancelled" ? undefined : thrown.error);
      }
    } catch (error) {
      // The database is unreachable: the lease will expire and another attempt will run.
      jobLogger.error("could not record the job's outcome; it will be retried when its lease expires", { error });
      finish("lease_lost", error);
    }
  };

  const stop = (stopOptions: StopOptions = {}): Promise<void> =>
    (stopPromise ??= (async () => {
      const timeoutMs = stopOptions.timeoutMs ?? 30_000;
      const abortGraceMs = stopOptions.abortGraceMs ?? 5_000;
      stopping = true;
      wake?.();
      await loopDone;
      if (running.size > 0) {
        logger.info("worker stopping; waiting for running jobs", { running: running.size, timeoutMs });
        await settledWithin([...running.values()].map((r) => r.done), timeoutMs);
      }
      if (running.size > 0) {
        logger.warn("aborting jobs that did not finish in time", { jobs: [...running.keys()] });
        for (const entry of running.values()) abort(entry, "shutdown", new Error("worker is shutting down"));
        await settledWithin([...running.values()].map((r) => r.done), abortGraceMs);
      }
      // Handlers that ignore their signal: give their jobs back now; fencing voids their late writes.
      for (const entry of [...running.values()]) {
        entry.detached = true;
        try {
          await queue.release(entry.claimed.lease);
        } catch (error) {
          logger.error("could not release job; it will be retried when its lease expires", { jobId: entry.claimed.job.id, error });
        }
        running.delete(entry.claimed.job.id);
      }
      logger.info("worker stopped");
    })());

  const loopDone = loop().catch((error: unknown) => {
    logger.error("worker loop crashed", { error });
  });
  logger.info("worker started", { concurrency, leaseMs, pollIntervalMs, types: [...handlers.keys()] });

  return {
    id,
    get activeCount() {
      return running.size;
    },
    nudge: () => wake?.(),
    stop,
  };
}

function startHeartbeat(
  queue: JobQueue,
  lease: JobLease,
  leaseMs: number,
  logger: Logger,
  onAbort: (reason: "cancel" | "lease_lost") => void,
): { stop(): void } {
  let lastOk = Date.now();
  let inFlight = false;
  const timer = setInterval(() => {
    if (inFlight) return;
    inFlight = true;
    queue
      .heartbeat(lease, leaseMs)
      .then((beat) => {
        lastOk = Date.now();
        if (!beat.leaseHeld) onAbort("lease_lost");
        else if (beat.cancelRequested) onAbort("cancel");
      })
      .catch((error: unknown) => {
        logger.warn("heartbeat failed", { error });
        // Past the lease another worker may already run the job: stop doing it twice.
        if (Date.now() - lastOk > leaseMs) onAbort("lease_lost");
      })
      .finally(() => {
        inFlight = false;
      });
  }, Math.max(10, Math.floor(leaseMs / 3)));
  timer.unref?.();
  return { stop: () => clearInterval(timer) };
}

/** Coalesces progress reports so a chatty handler costs at most one write per interval. */
function progressWriter(
  queue: JobQueue,
  lease: JobLease,
  intervalMs: number,
  logger: Logger,
  onLeaseLost: () => void,
): { report(progress: JobProgress): void; flush(): Promise<void> } {
  let pending: JobProgress | null = null;
  let writing: Promise<void> | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastWrite = 0;

  const schedule = (): void => {
    if (writing || timer || !pending) return;
    const wait = lastWrite + intervalMs - Date.now();
    if (wait > 0) {
      timer = setTimeout(() => {
        timer = null;
        schedule();
      }, wait);
      return;
    }
    const next = pending;
    pending = null;
    lastWrite = Date.now();
    writing = queue
      .progress(lease, next)
      .then((held) => {
        if (!held) onLeaseLost();
      })
      .catch((error: unknown) => logger.warn("progress not stored", { error }))
      .finally(() => {
        writing = null;
        schedule();
      });
  };

  return {
    report(progress) {
      // Omitted message/step keep earlier pending ones, as they keep stored ones.
      pending = {
        percent: progress.percent,
        message: progress.message !== undefined ? progress.message : pending?.message,
        step: progress.step !== undefined ? progress.step : pending?.step,
      };
      schedule();
    },
    async flush() {
      if (timer) {
        clearTimeout(timer);
        timer = null;
      }
      while (writing) await writing;
      // The last report (often the final message) is worth one more write.
      if (pending) {
        lastWrite = 0;
        schedule();
        while (writing) await writing;
      }
    },
  };
}

async function settledWithin(promises: Promise<unknown>[], ms: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([
    Promise.allSettled(promises),
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, ms);
    }),
  ]);
  clearTimeout(timer);
}

function leaseLostError(): Error {
  const error = new Error("the job's lease was lost to another worker");
  error.name = "JobLeaseLostError";
  return error;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
