import { sql } from "kysely";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createTenantSchema, dropTenantSchema, tenantSchemaStatus } from "../../adapters/postgres/migrator.ts";
import { tenantSchemaName } from "../../adapters/postgres/tenant-names.ts";
import { newId } from "../../core/ids.ts";
import type { JsonValue } from "../../core/ports/job-queue.ts";
import { TENANTS_MIGRATE } from "../../jobs/handlers/tenants-migrate.ts";
import { createJobRegistry } from "../../jobs/registry.ts";
import { startWorker, type WorkerEvent } from "../../jobs/worker.ts";
import { openJobsTestEnv, waitFor, type JobsTestEnv } from "./support/jobs-test-env.ts";

let env: JobsTestEnv;
const schemas: string[] = [];
const jobIds: string[] = [];
beforeAll(async () => {
  env = await openJobsTestEnv();
});
afterAll(async () => {
  for (const schema of schemas) await dropTenantSchema(env.db, schema).catch(() => undefined);
  if (jobIds.length > 0) await env?.db.deleteFrom("jobs").where("id", "in", jobIds).execute();
  await env?.close();
});

test("the registry refuses duplicate and malformed types", () => {
  const registry = createJobRegistry({ db: env.db });
  expect([...registry.keys()]).toEqual([TENANTS_MIGRATE]);
  expect(() => registry.register(TENANTS_MIGRATE, async () => {})).toThrow(/already registered/);
  expect(() => registry.register("Bad Type", async () => {})).toThrow(/invalid job type/);
});

async function runToEnd(payload: JsonValue | undefined, events: WorkerEvent[]) {
  // The real handler under a type of this file's own: with a shared Postgres, other test
  // files' workers also handle `tenants.migrate` and must not take (or hand us) jobs.
  const type = `${TENANTS_MIGRATE}-test-${newId().slice(-12)}`;
  const job = await env.queue.enqueue({ type, maxAttempts: 1, ...(payload === undefined ? {} : { payload }) });
  jobIds.push(job.id);
  const worker = startWorker({
    queue: env.queue,
    handlers: new Map([[type, createJobRegistry({ db: env.db }).get(TENANTS_MIGRATE)!]]),
    concurrency: 1,
    leaseMs: 5_000,
    pollIntervalMs: 10,
    logger: env.logger,
    onEvent: (event) => events.push(event),
  });
  try {
    return await waitFor(async () => {
      const current = await env.queue.get(job.id);
      return current && (current.status === "succeeded" || current.status === "failed") ? current : null;
    }, 30_000);
  } finally {
    await worker.stop();
  }
}

/** One schema fully migrated, one created bare (as if its workspace predated every tenant migration). */
async function makeSchemas(): Promise<{ current: string; behind: string }> {
  const current = await createTenantSchema(env.db, newId());
  const behind = tenantSchemaName(newId());
  await sql`create schema ${sql.id(behind)}`.execute(env.db);
  schemas.push(current, behind);
  expect((await tenantSchemaStatus(env.db, behind)).behind).toBe(true);
  return { current, behind };
}

test("tenants.migrate with schemaNames migrates those schemas, reporting progress per schema", async () => {
  const { current, behind } = await makeSchemas();
  const gone = tenantSchemaName(newId()); // a workspace deleted meanwhile: skipped, not failed
  const events: WorkerEvent[] = [];
  const done = await runToEnd({ schemaNames: [current, behind, gone] }, events);
  expect(done.lastError).toBeNull();
  expect(done).toMatchObject({ status: "succeeded", progress: 100, result: { total: 3, migrated: 1, skipped: 1 } });
  const progress = events.flatMap((e) => (e.kind === "progress" ? [[e.step, e.message]] : []));
  expect(progress).toEqual([
    [null, "3 schemas to check"],
    [current, "1/3 up to date"],
    [behind, expect.stringMatching(/^2\/3 applied /)],
    [gone, "3/3 failed"],
    [null, "3 schemas checked, 1 migrated"],
  ]);
  expect((await tenantSchemaStatus(env.db, behind)).behind).toBe(false);
});

test("tenants.migrate with a malformed payload fails without retrying", async () => {
  const done = await runToEnd({ schemaNames: ["public"] }, []);
  expect(done).toMatchObject({ status: "failed", attempts: 1 });
  expect(done.lastError).toMatch(/schemaNames must be a list of tenant schema names/);
});

// Without a list it migrates every tenant schema in the database; on the shared Postgres
// test database that would touch other test files' schemas, so only on the private PGlite.
test.skipIf(Boolean(process.env.DATABASE_URL))("tenants.migrate without a payload migrates every tenant schema", async () => {
  const { behind } = await makeSchemas();
  const events: WorkerEvent[] = [];
  const done = await runToEnd(undefined, events);
  expect(done.lastError).toBeNull();
  expect(done.status).toBe("succeeded");
  expect((done.result as { migrated: number }).migrated).toBe(1);
  const steps = events.flatMap((e) => (e.kind === "progress" && e.step ? [e.step] : []));
  expect(steps).toEqual(expect.arrayContaining([behind]));
  expect((await tenantSchemaStatus(env.db, behind)).behind).toBe(false);
});
