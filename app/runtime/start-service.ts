import type { OpenAPIHono } from "@hono/zod-openapi";
import { createJsonLogger } from "../../adapters/logging/json-logger.ts";
import { createJobRegistry } from "../../jobs/registry.ts";
import { startWorker, type Worker } from "../../jobs/worker.ts";
import { startScheduler } from "../../jobs/scheduler.ts";
import type { Config } from "../config/config-schema.ts";
import { ConfigError, loadConfig } from "../config/load-config.ts";
import { openServices } from "../composition/open-services.ts";
import type { Services } from "../composition/services.ts";
import type { AppEnv } from "../context.ts";
import { createApp } from "../create-app.ts";

/**
 * The shutdown sequence both runtimes share, run once whatever signal arrives:
 * stop accepting and drain (`drain`), forcing the rest after SHUTDOWN_TIMEOUT_MS
 * (`force`: long SSE/NDJSON streams would hold the drain open), then stop the
 * worker and close every pool, then `exit(0)`.
 */
export function onShutdownSignal(
  running: RunningService,
  server: { drain(): Promise<void>; force(): void; exit(code: number): void },
): (signal: string) => Promise<void> {
  let started = false;
  return async (signal) => {
    if (started) return;
    started = true;
    const logger = running.services.logger;
    logger.info("shutting down: no new connections, draining requests", { signal });
    const timer = setTimeout(() => {
      logger.warn("drain timeout reached: closing remaining connections");
      server.force();
    }, running.config.SHUTDOWN_TIMEOUT_MS);
    await server.drain();
    clearTimeout(timer);
    await running.stop();
    logger.info("stopped");
    server.exit(0);
  };
}

export type RunningService = {
  config: Config;
  services: Services;
  app: OpenAPIHono<AppEnv>;
  worker: Worker | null;
  /** Stops the worker (jobs finish or are handed back) and closes every service. */
  stop(): Promise<void>;
};

/**
 * Everything a runtime entry point needs, runtime-neutral: validated config
 * (a bad one exits with a message naming each variable), services, the app, and
 * in embedded mode (or RUN_WORKER=true) a job worker in the same process.
 */
export async function startService(): Promise<RunningService> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const logger = createJsonLogger(config.LOG_LEVEL, { service: "fos-api" });
  const services = await openServices(config, { logger });
  const app = createApp(services);
  const runWorker = config.RUN_WORKER ?? !config.DATABASE_URL;
  const worker = runWorker
    ? startWorker({
        queue: services.jobs,
        handlers: createJobRegistry({ db: services.database.db, signup: services, activity: services, notifications: services, recordsets: services, recordsetTrash: services, imports: services, exports: services, geocoding: services }),
        concurrency: config.WORKER_CONCURRENCY,
        leaseMs: config.JOB_LEASE_MS,
        pollIntervalMs: 1_000,
        logger,
      })
    : null;
  if (worker) logger.info("job worker running in the API process", { worker: worker.id });
  // Scheduled jobs (digests): every worker process runs the scheduler; locks make one enqueue per slot.
  const scheduler = worker ? startScheduler({ jobs: services.jobs, locks: services.locks, logger }) : null;

  let stopping: Promise<void> | null = null;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      await scheduler?.stop();
      await worker?.stop({ timeoutMs: config.SHUTDOWN_TIMEOUT_MS });
      await services.close();
    })());
  return { config, services, app, worker, stop };
}
