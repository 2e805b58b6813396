import { sql } from "kysely";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createTenantSchema, dropTenantSchema, tenantSchemaStatus } from "../../adapters/postgres/migrator.ts";
import { tenantSchemaName } from "../../adapters/postgres/tenant-names.ts";
import { newId } from "../../core/ids.ts";
import { TENANTS_MIGRATE } from "../../jobs/handlers/tenants-migrate.ts";
import { createJobRegistry } from "../../jobs/registry.ts";
import { startWorker, type WorkerEvent } from "../../jobs/worker.ts";
import { openJobsTestEnv, waitFor, type JobsTestEnv } from "./support/jobs-test-env.ts";

let env: JobsTestEnv;
const schemas: string[] = [];
beforeAll(async () => {
  env = await openJobsTestEnv();
});
afterAll(async () => {
  for (const schema of schemas) await dropTenantSchema(env.db, schema).catch(() => undefined);
  await env?.close();
});

test("the registry refuses duplicate and malformed types", () => {
  const registry = createJobRegistry({ db: env.db });
  expect([...registry.keys()]).toEqual([TENANTS_MIGRATE]);
  expect(() => registry.register(TENANTS_MIGRATE, async () => {})).toThrow(/already registered/);
  expect(() => registry.register("Bad Type", async () => {})).toThrow(/invalid job type/);
});

test("tenants.migrate migrates every tenant schema, reporting progress per schema", async () => {
  // One schema fully migrated, one created bare (as if its workspace predates every tenant migration).
  schemas.push(await createTenantSchema(env.db, newId()));
  const behind = tenantSchemaName(newId());
  await sql`create schema ${sql.id(behind)}`.execute(env.db);
  schemas.push(behind);
  expect((await tenantSchemaStatus(env.db, behind)).behind).toBe(true);

  const job = await env.queue.enqueue({ type: TENANTS_MIGRATE });
  const events: WorkerEvent[] = [];
  const worker = startWorker({
    queue: env.queue,
    handlers: createJobRegistry({ db: env.db }),
    concurrency: 1,
    leaseMs: 5_000,
    pollIntervalMs: 10,
    logger: env.logger,
    onEvent: (event) => events.push(event),
  });
  try {
    const done = await waitFor(async () => {
      const current = await env.queue.get(job.id);
      return current && (current.status === "succeeded" || current.status === "failed") ? current : null;
    }, 30_000);
    expect(done.lastError).toBeNull();
    expect(done.status).toBe("succeeded");
    expect(done.result).toMatchObject({ skipped: 0 });
    expect((done.result as { total: number }).total).toBeGreaterThanOrEqual(2);
    expect((done.result as { migrated: number }).migrated).toBeGreaterThanOrEqual(1);
    const steps = events.flatMap((e) => (e.kind === "progress" && e.step ? [e.step] : []));
    expect(steps).toEqual(expect.arrayContaining(schemas));
    expect(events.find((e) => e.kind === "progress" && e.step === behind)).toMatchObject({
      message: expect.stringMatching(/applied /),
    });
    expect((await tenantSchemaStatus(env.db, behind)).behind).toBe(false);
  } finally {
    await worker.stop();
  }
});
