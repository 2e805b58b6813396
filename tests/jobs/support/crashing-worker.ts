/*
 * A worker process for the crash test: claims jobs of JOB_TYPE from DATABASE_URL,
 * prints `started <job id>` and hangs inside the handler (heartbeats keep going)
 * until the parent kills it with SIGKILL.
 */
import { MemoryPubSub } from "../../../adapters/cache/memory-pub-sub.ts";
import { createJsonLogger } from "../../../adapters/logging/json-logger.ts";
import { PostgresJobQueue } from "../../../adapters/postgres/jobs/postgres-job-queue.ts";
import { openDatabase } from "../../../adapters/postgres/open-database.ts";
import { startWorker } from "../../../jobs/worker.ts";

const url = process.env.DATABASE_URL;
const type = process.env.JOB_TYPE;
const leaseMs = Number(process.env.JOB_LEASE_MS ?? 1_000);
if (!url || !type) throw new Error("DATABASE_URL and JOB_TYPE are required");

const handle = await openDatabase({ url, dataDir: "", poolMax: 2 });
startWorker({
  queue: new PostgresJobQueue({ db: handle.db, pubSub: new MemoryPubSub() }),
  handlers: new Map([
    [
      type,
      async ({ job }) => {
        process.stdout.write(`started ${job.id}\n`);
        await new Promise(() => {});
      },
    ],
  ]),
  concurrency: 1,
  leaseMs,
  pollIntervalMs: 20,
  workerId: `crashing-${process.pid}`,
  logger: createJsonLogger("silent"),
});
