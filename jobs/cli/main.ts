import { createJsonLogger } from "../../adapters/logging/json-logger.ts";
import { loadConfig } from "../../app/config/load-config.ts";
import { tuneHeapGrowth } from "../../app/runtime/heap-tuning.ts";
import { openServices as openAppServices } from "../../app/composition/open-services.ts";
import { createJobRegistry } from "../registry.ts";
import { startScheduler } from "../scheduler.ts";
import { runJobsCli, type CliServices } from "./jobs-cli.ts";

/*
 * Entry point of `npm run jobs -- <command>`: wires config, database, pub/sub and the
 * handler registry, turns SIGINT/SIGTERM into a graceful stop, and exits with the code
 * `runJobsCli` returns.
 */

const shutdown = new AbortController();
let signals = 0;
const onSignal = (signal: NodeJS.Signals): void => {
  signals++;
  // A second Ctrl-C means "now": skip the graceful wait.
  if (signals > 1) {
    process.stderr.write(`\n${signal} again: exiting without waiting for running jobs\n`);
    process.exit(1);
  }
  shutdown.abort(signal);
};
process.on("SIGINT", onSignal);
process.on("SIGTERM", onSignal);

async function openServices(): Promise<CliServices> {
  const config = loadConfig();
  tuneHeapGrowth(config.NODE_HEAP_GROWING_PERCENT);
  // Logs go to stderr so stdout stays readable (tables, JSON, the progress line).
  // One-shot commands stay quiet unless LOG_LEVEL asks otherwise; `work` logs at the configured level.
  const level = process.argv[2] === "work" || process.env.LOG_LEVEL ? config.LOG_LEVEL : "warn";
  const logger = createJsonLogger(level, { service: "jobs" }, (line) => process.stderr.write(`${line}\n`));
  // The same composition root as the API, so every handler finds its dependencies;
  // migrating stays the server's and `db:migrate`'s job.
  const services = await openAppServices(config, { logger, migrate: false });
  // `work` also enqueues scheduled jobs (digests); locks keep it to one enqueue per slot across workers.
  const scheduler = process.argv[2] === "work" ? startScheduler({ jobs: services.jobs, locks: services.locks, logger }) : null;
  return {
    queue: services.jobs,
    pubSub: services.pubSub,
    handlers: createJobRegistry({ db: services.database.db, signup: services, activity: services, notifications: services, recordsets: services, recordsetTrash: services, imports: services, exports: services, geocoding: services }),
    logger,
    worker: {
      concurrency: config.WORKER_CONCURRENCY,
      leaseMs: config.JOB_LEASE_MS,
      pollIntervalMs: 1_000,
      shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
    },
    close: async () => {
      await scheduler?.stop();
      await services.close();
    },
  };
}

const code = await runJobsCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  shutdown: shutdown.signal,
  openServices,
});
process.exitCode = code;
// Lingering sockets (Redis subscriber, pool) must not keep a finished command alive.
setTimeout(() => process.exit(code), 2_000).unref();
