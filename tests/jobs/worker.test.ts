import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { PostgresJobQueue } from "../../adapters/postgres/jobs/postgres-job-queue.ts";
import { JobCancelledError, PermanentJobError, type JobHandler } from "../../core/jobs/job-handler.ts";
import type { JobQueue } from "../../core/ports/job-queue.ts";
import { JobRegistry } from "../../jobs/registry.ts";
import { startWorker, type Worker, type WorkerEvent, type WorkerOptions } from "../../jobs/worker.ts";
import { fastBackoff, openJobsTestEnv, uniqueType, waitFor, type JobsTestEnv } from "./support/jobs-test-env.ts";

let env: JobsTestEnv;
const workers: Worker[] = [];

beforeAll(async () => {
  env = await openJobsTestEnv();
});
afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.stop({ timeoutMs: 1_000, abortGraceMs: 200 })));
});
afterAll(async () => {
  await env?.close();
});

function start(options: Partial<WorkerOptions> & Pick<WorkerOptions, "handlers">): Worker {
  const worker = startWorker({
    queue: env.queue,
    concurrency: 2,
    leaseMs: 1_000,
    pollIntervalMs: 10,
    logger: env.logger,
    ...options,
  });
  workers.push(worker);
  return worker;
}

/** `queue` with its heartbeat replaced. */
function withHeartbeat(queue: JobQueue, heartbeat: JobQueue["heartbeat"]): JobQueue {
  return {
    enqueue: (...a) => queue.enqueue(...a),
    enqueueMany: (...a) => queue.enqueueMany(...a),
    get: (...a) => queue.get(...a),
    list: (...a) => queue.list(...a),
    cancel: (...a) => queue.cancel(...a),
    remove: (...a) => queue.remove(...a),
    retry: (...a) => queue.retry(...a),
    claim: (...a) => queue.claim(...a),
    heartbeat,
    progress: (...a) => queue.progress(...a),
    complete: (...a) => queue.complete(...a),
    fail: (...a) => queue.fail(...a),
    release: (...a) => queue.release(...a),
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test("two workers drain 500 jobs, each executed exactly once", async () => {
  const type = uniqueType("drain");
  const executions = new Map<string, number>();
  const handler: JobHandler = async ({ job }) => {
    executions.set(job.id, (executions.get(job.id) ?? 0) + 1);
    return { n: (job.payload as { n: number }).n };
  };
  const jobs = await env.queue.enqueueMany(Array.from({ length: 500 }, (_, n) => ({ type, payload: { n } })));

  const started = performance.now();
  // Separate queue instances, as two worker processes would have.
  for (const name of ["a", "b"]) {
    start({
      queue: new PostgresJobQueue({ db: env.db, pubSub: env.pubSub, backoff: fastBackoff }),
      handlers: new Map([[type, handler]]),
      concurrency: 8,
      pollIntervalMs: 5,
      workerId: `drain-${name}`,
    });
  }
  await waitFor(async () => (await env.queue.list({ type, status: "succeeded", limit: 1 })).total === 500, 60_000, 25);
  const elapsed = performance.now() - started;
  console.info(`[jobs] 500 jobs drained by 2 workers (concurrency 8 each) on ${env.kind} in ${Math.round(elapsed)} ms`);

  expect(executions.size).toBe(500);
  expect([...executions.values()].every((n) => n === 1)).toBe(true);
  const lockedBy = new Set<string>();
  for (let offset = 0; offset < 500; offset += 500) {
    const page = await env.queue.list({ type, limit: 500, offset });
    for (const job of page.items) {
      expect(job).toMatchObject({ status: "succeeded", attempts: 1, result: job.payload });
      lockedBy.add(job.lockedBy!);
    }
  }
  expect(jobs).toHaveLength(500);
  // Both workers took part.
  expect(lockedBy).toEqual(new Set(["drain-a", "drain-b"]));
});

describe("running a job", () => {
  test("stores the result and progress, and reports events", async () => {
    const type = uniqueType();
    const events: WorkerEvent[] = [];
    const job = await env.queue.enqueue({ type, payload: { steps: 3 } });
    start({
      handlers: new Map([
        [
          type,
          async ({ reportProgress }) => {
            for (let i = 1; i <= 3; i++) {
              reportProgress((i / 3) * 100, `step ${i} of 3`, `step-${i}`);
              await sleep(5);
            }
            return { done: true };
          },
        ],
      ]),
      progressIntervalMs: 0,
      onEvent: (event) => events.push(event),
    });
    const done = await waitFor(async () => {
      const current = await env.queue.get(job.id);
      return current?.status === "succeeded" ? current : null;
    });
    expect(done).toMatchObject({ result: { done: true }, progress: 100, progressMessage: "step 3 of 3", currentStep: "step-3" });
    expect(events.map((e) => e.kind)).toEqual(["started", "progress", "progress", "progress", "finished"]);
    expect(events.at(-1)).toMatchObject({ kind: "finished", outcome: "succeeded" });
  });

  test("a failing handler is retried with backoff until it succeeds", async () => {
    const type = uniqueType();
    let calls = 0;
    const job = await env.queue.enqueue({ type, maxAttempts: 3 });
    start({
      handlers: new Map([
        [
          type,
          async () => {
            calls++;
            if (calls < 3) throw new Error(`flaky ${calls}`);
            return "third time lucky";
          },
        ],
      ]),
    });
    const done = await waitFor(async () => {
      const current = await env.queue.get(job.id);
      return current?.status === "succeeded" ? current : null;
    });
    expect(done).toMatchObject({ attempts: 3, result: "third time lucky", lastError: "flaky 2" });
  });

  test("a PermanentJobError fails the job without retrying; exhausted retries keep the last error", async () => {
    const [permanent, flaky] = [uniqueType("permanent"), uniqueType("flaky")];
    const a = await env.queue.enqueue({ type: permanent, maxAttempts: 5 });
    const b = await env.queue.enqueue({ type: flaky, maxAttempts: 2 });
    start({
      handlers: new JobRegistry()
        .register(permanent, async () => {
          throw new PermanentJobError("payload names no file");
        })
        .register(flaky, async ({ job }) => {
          throw new Error(`always fails (attempt ${job.attempts})`);
        }),
    });
    await waitFor(async () => (await env.queue.list({ status: "failed", type: permanent })).total === 1);
    await waitFor(async () => (await env.queue.list({ status: "failed", type: flaky })).total === 1);
    expect(await env.queue.get(a.id)).toMatchObject({ attempts: 1, lastError: "PermanentJobError: payload names no file" });
    expect(await env.queue.get(b.id)).toMatchObject({ attempts: 2, lastError: "always fails (attempt 2)" });
  });

  test("a worker claims only the types it has handlers for", async () => {
    const [mine, theirs] = [uniqueType("mine"), uniqueType("theirs")];
    const job = await env.queue.enqueue({ type: theirs });
    const own = await env.queue.enqueue({ type: mine });
    start({ handlers: new Map([[mine, async () => "ok"]]) });
    await waitFor(async () => (await env.queue.get(own.id))?.status === "succeeded");
    await sleep(50);
    expect((await env.queue.get(job.id))?.status).toBe("queued");
  });
});

describe("cancellation", () => {
  test("cancelling a running job aborts the handler's signal at the next heartbeat; the job ends cancelled", async () => {
    const type = uniqueType();
    let reason: unknown;
    let started = false;
    const job = await env.queue.enqueue({ type });
    start({
      leaseMs: 300,
      handlers: new Map([
        [
          type,
          async ({ signal, reportProgress }) => {
            started = true;
            let i = 0;
            while (!signal.aborted) {
              reportProgress(Math.min(99, i++));
              await sleep(10);
            }
            reason = signal.reason;
            throw signal.reason;
          },
        ],
      ]),
    });
    await waitFor(() => started);
    const requested = await env.queue.cancel(job.id);
    expect(requested.status).toBe("running");
    const cancelled = await waitFor(async () => {
      const current = await env.queue.get(job.id);
      return current?.status === "cancelled" ? current : null;
    }, 5_000);
    expect(reason).toBeInstanceOf(JobCancelledError);
    expect(cancelled.finishedAt).toBeInstanceOf(Date);
    expect(cancelled.attempts).toBe(1);
  });
});

describe("lost workers and shutdown", () => {
  test("a worker whose heartbeats stop loses its job to another worker after the lease; its late result is discarded", async () => {
    const type = uniqueType();
    const job = await env.queue.enqueue({ type });
    let releaseStuck!: () => void;
    const stuck = new Promise<void>((resolve) => {
      releaseStuck = resolve;
    });
    const firstEvents: WorkerEvent[] = [];
    // The first worker hangs inside its handler and its heartbeats never reach the
    // database: from the queue's point of view it died mid-job.
    const silentQueue = withHeartbeat(env.queue, async () => ({ leaseHeld: true, cancelRequested: false }));
    start({
      queue: silentQueue,
      // Its only slot stays busy, so like a dead process it claims nothing more.
      concurrency: 1,
      leaseMs: 1_000,
      workerId: "stalled",
      onEvent: (event) => firstEvents.push(event),
      handlers: new Map([
        [
          type,
          async () => {
            await stuck;
            return "stale result";
          },
        ],
      ]),
    });
    await waitFor(() => firstEvents.some((e) => e.kind === "started"));
    const claimedAt = Date.now();

    const executions: number[] = [];
    start({
      leaseMs: 1_000,
      workerId: "rescuer",
      handlers: new Map([
        [
          type,
          async ({ job: current }) => {
            executions.push(current.attempts);
            return "fresh result";
          },
        ],
      ]),
    });
    const done = await waitFor(async () => {
      const current = await env.queue.get(job.id);
      return current?.status === "succeeded" ? current : null;
    }, 10_000);
    expect(Date.now() - claimedAt).toBeGreaterThanOrEqual(900);
    expect(done).toMatchObject({ attempts: 2, lockedBy: "rescuer", result: "fresh result" });
    expect(executions).toEqual([2]);

    releaseStuck();
    await waitFor(() => firstEvents.some((e) => e.kind === "finished"));
    expect(firstEvents.at(-1)).toMatchObject({ kind: "finished", outcome: "lease_lost" });
    expect(await env.queue.get(job.id)).toMatchObject({ result: "fresh result", attempts: 2 });
  });

  test("stop lets running jobs finish within the timeout", async () => {
    const type = uniqueType();
    const job = await env.queue.enqueue({ type });
    let started = false;
    const worker = start({
      handlers: new Map([
        [
          type,
          async () => {
            started = true;
            await sleep(150);
            return "finished during shutdown";
          },
        ],
      ]),
    });
    await waitFor(() => started);
    await worker.stop({ timeoutMs: 5_000 });
    expect(await env.queue.get(job.id)).toMatchObject({ status: "succeeded", result: "finished during shutdown" });
  });

  test("stop aborts jobs that outlive the timeout and gives them back, attempt not counted", async () => {
    const [polite, stubborn] = [uniqueType("polite"), uniqueType("stubborn")];
    const a = await env.queue.enqueue({ type: polite });
    const b = await env.queue.enqueue({ type: stubborn });
    let running = 0;
    let politeReason: unknown;
    const worker = start({
      handlers: new JobRegistry()
        .register(polite, async ({ signal }) => {
          running++;
          await new Promise((resolve) => signal.addEventListener("abort", resolve, { once: true }));
          politeReason = signal.reason;
          throw signal.reason;
        })
        .register(stubborn, async () => {
          running++;
          await sleep(2_000); // ignores its signal
          return "too late";
        }),
    });
    await waitFor(() => running === 2);
    await worker.stop({ timeoutMs: 50, abortGraceMs: 100 });
    expect(politeReason).toBeInstanceOf(Error);
    for (const id of [a.id, b.id]) {
      expect(await env.queue.get(id)).toMatchObject({ status: "queued", attempts: 0, lockedBy: null });
    }
    expect(worker.activeCount).toBe(0);
  });
});

describe.runIf(process.env.DATABASE_URL)("a worker process killed mid-job (Postgres)", () => {
  test("its job is retried by another worker after the lease expires", async () => {
    const { spawn } = await import("node:child_process");
    const { fileURLToPath } = await import("node:url");
    const type = uniqueType("crash");
    const job = await env.queue.enqueue({ type, payload: { important: true } });
    const script = fileURLToPath(new URL("./support/crashing-worker.ts", import.meta.url));
    const child = spawn(process.execPath, ["--import", "tsx", script], {
      env: { ...process.env, DATABASE_URL: env.url, JOB_TYPE: type, JOB_LEASE_MS: "1000" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once("exit", (_code, signal) => resolve(signal)));
    try {
      let output = "";
      await new Promise<void>((resolve, reject) => {
        child.stdout!.on("data", (chunk: Buffer) => {
          output += chunk.toString();
          if (output.includes(`started ${job.id}`)) resolve();
        });
        child.once("exit", (code) => reject(new Error(`worker exited early (code ${code})`)));
        setTimeout(() => reject(new Error("worker did not start the job within 30 s")), 30_000);
      });
      // Let a few heartbeats through first, so the lease is a live one when it dies.
      await sleep(700);
      const held = await env.queue.get(job.id);
      expect(held).toMatchObject({ status: "running", lockedBy: `crashing-${child.pid}`, attempts: 1 });
      child.kill("SIGKILL");
      expect(await exited).toBe("SIGKILL");
      const killedAt = Date.now();

      const runs: number[] = [];
      start({
        workerId: "survivor",
        handlers: new Map([
          [
            type,
            async ({ job: current }) => {
              runs.push(current.attempts);
              return { recovered: true };
            },
          ],
        ]),
      });
      const done = await waitFor(async () => {
        const current = await env.queue.get(job.id);
        return current?.status === "succeeded" ? current : null;
      }, 10_000);
      expect(done).toMatchObject({ attempts: 2, lockedBy: "survivor", result: { recovered: true } });
      expect(runs).toEqual([2]);
      // Not before the dead worker's lease ran out (its last heartbeat extended it to ~1 s).
      expect(held!.leaseExpiresAt!.getTime()).toBeLessThanOrEqual(done.updatedAt.getTime());
      expect(Date.now() - killedAt).toBeLessThan(5_000);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    }
  }, 60_000);
});
