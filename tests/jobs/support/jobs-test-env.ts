import type { Kysely } from "kysely";
import { MemoryPubSub } from "../../../adapters/cache/memory-pub-sub.ts";
import { createJsonLogger } from "../../../adapters/logging/json-logger.ts";
import { PostgresJobQueue } from "../../../adapters/postgres/jobs/postgres-job-queue.ts";
import { newId } from "../../../core/ids.ts";
import type { DatabaseHandle } from "../../../adapters/postgres/open-database.ts";
import type { PlatformDatabase } from "../../../adapters/postgres/platform-schema.ts";
import type { Logger } from "../../../core/ports/logger.ts";
import { closeTestDatabase, openTestDatabase } from "../../support/test-database.ts";

/** A migrated database plus queue, pub/sub and a quiet logger for job tests. */
export type JobsTestEnv = {
  handle: DatabaseHandle;
  db: Kysely<PlatformDatabase>;
  kind: "postgres" | "pglite";
  url: string | undefined;
  pubSub: MemoryPubSub;
  queue: PostgresJobQueue;
  logger: Logger;
  close(): Promise<void>;
};

/**
 * With DATABASE_URL, every test file shares one database: tests use their own job types
 * (`uniqueType()`) and workspace ids, and workers claim only their own types.
 */
export async function openJobsTestEnv(): Promise<JobsTestEnv> {
  const url = process.env.DATABASE_URL || undefined;
  const handle = await openTestDatabase();
  const pubSub = new MemoryPubSub();
  const logger = quietLogger();
  return {
    handle,
    db: handle.db,
    kind: handle.kind,
    url,
    pubSub,
    logger,
    queue: new PostgresJobQueue({ db: handle.db, pubSub, logger, backoff: fastBackoff }),
    close: async () => {
      // The Postgres test database is shared and long-lived: leave no rows behind.
      const types = [...createdTypes];
      if (types.length > 0) await handle.db.deleteFrom("jobs").where("type", "in", types).execute();
      await pubSub.close();
      await closeTestDatabase(handle);
    },
  };
}

/** Retries come back within milliseconds, so retry tests need no fake clock. */
export const fastBackoff = { baseMs: 20, factor: 2, maxMs: 200, jitter: 0 };

/** Logs only errors (set JOBS_TEST_LOG=debug to see everything). */
export function quietLogger(): Logger {
  const level = (process.env.JOBS_TEST_LOG as "debug" | undefined) ?? "silent";
  return createJsonLogger(level, {}, (line) => process.stderr.write(`${line}\n`));
}

/** Polls `check` until it returns a truthy value or `timeoutMs` passes. */
export async function waitFor<T>(check: () => Promise<T> | T, timeoutMs = 10_000, everyMs = 20): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** A job type no other test (or test file) uses: `t<hex>.<name>`. */
export function uniqueType(name = "job"): string {
  const type = `t${newId().replace(/-/g, "").slice(-12)}.${name}`;
  createdTypes.add(type);
  return type;
}

const createdTypes = new Set<string>();
