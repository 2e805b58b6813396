import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { asJobTransaction, PostgresJobQueue } from "../../adapters/postgres/jobs/postgres-job-queue.ts";
import { jsonb } from "../../adapters/postgres/jsonb.ts";
import { createTenantSchema, dropTenantSchema } from "../../adapters/postgres/migrator.ts";
import { tenantDatabase } from "../../adapters/postgres/tenant-database.ts";
import { Conflict, Invalid, NotFound } from "../../core/errors.ts";
import { newId } from "../../core/ids.ts";
import { jobChannel, parseJobEvent, type JobEvent } from "../../core/jobs/job-events.ts";
import { fastBackoff, openJobsTestEnv, uniqueType, waitFor, type JobsTestEnv } from "./support/jobs-test-env.ts";

let env: JobsTestEnv;
beforeAll(async () => {
  env = await openJobsTestEnv();
});
afterAll(async () => {
  await env?.close();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("enqueue", () => {
  test("stores the job queued with defaults", async () => {
    const type = uniqueType();
    const job = await env.queue.enqueue({ type, payload: { items: [1, "two", { three: 3 }] } });
    expect(job).toMatchObject({
      type,
      status: "queued",
      workspaceId: null,
      payload: { items: [1, "two", { three: 3 }] },
      priority: 0,
      attempts: 0,
      maxAttempts: 3,
      progress: 0,
      result: null,
      lastError: null,
      lockedBy: null,
    });
    expect(job.runAt).toBeInstanceOf(Date);
    expect(await env.queue.get(job.id)).toEqual(job);
  });

  test("a job enqueued in a transaction that rolls back does not exist", async () => {
    const type = uniqueType();
    const workspaceId = newId();
    let jobId = "";
    const rollback = new Error("domain write failed after enqueue");
    await expect(
      env.db.transaction().execute(async (trx) => {
        await trx
          .insertInto("workspaces")
          .values({ id: workspaceId, name: "Acme", slug: `acme-${workspaceId}`, schema_name: `ws_${workspaceId.replace(/-/g, "")}` })
          .execute();
        const job = await env.queue.enqueue({ type, workspaceId }, { transaction: asJobTransaction(trx) });
        jobId = job.id;
        throw rollback;
      }),
    ).rejects.toBe(rollback);
    expect(jobId).not.toBe("");
    expect(await env.queue.get(jobId)).toBeNull();
    expect(await env.db.selectFrom("workspaces").where("id", "=", workspaceId).selectAll().execute()).toEqual([]);
  });

  test("a job enqueued in a transaction that commits exists with the domain write", async () => {
    const type = uniqueType();
    const workspaceId = newId();
    const job = await env.db.transaction().execute(async (trx) => {
      await trx
        .insertInto("workspaces")
        .values({ id: workspaceId, name: "Acme", slug: `acme-${workspaceId}`, schema_name: `ws_${workspaceId.replace(/-/g, "")}` })
        .execute();
      // A tenant-scoped handle must still write to public.jobs.
      return env.queue.enqueue({ type, workspaceId }, { transaction: asJobTransaction(trx.withSchema("ws_elsewhere") as typeof trx) });
    });
    expect(await env.queue.get(job.id)).toMatchObject({ id: job.id, workspaceId, status: "queued" });
  });

  test("a tenant transaction (running as the tenant's role) can enqueue; rollback still discards the job", async () => {
    const type = uniqueType();
    const workspaceId = newId();
    const schema = await createTenantSchema(env.db, workspaceId);
    try {
      const tenant = tenantDatabase(env.handle, schema);
      const job = await tenant.transaction(async (trx) => {
        await trx.insertInto("settings").values({ key: "theme", value: jsonb("dark") }).execute();
        return env.queue.enqueue({ type, workspaceId, payload: { key: "theme" } }, { transaction: asJobTransaction(trx) });
      });
      expect(await env.queue.get(job.id, { workspaceId })).toMatchObject({ type, status: "queued", payload: { key: "theme" } });

      let rolledBack = "";
      await expect(
        tenant.transaction(async (trx) => {
          rolledBack = (await env.queue.enqueue({ type, workspaceId }, { transaction: asJobTransaction(trx) })).id;
          throw new Error("domain write failed");
        }),
      ).rejects.toThrow("domain write failed");
      expect(await env.queue.get(rolledBack)).toBeNull();
      // The tenant role still cannot read the platform table directly.
      await expect(tenant.transaction((trx) => sql`select count(*) from public.jobs`.execute(trx))).rejects.toThrow(/permission denied/);
    } finally {
      await dropTenantSchema(env.db, schema);
    }
  });

  test("asJobTransaction refuses the database itself", () => {
    expect(() => asJobTransaction(env.db as never)).toThrow(/open transaction/);
  });

  test("enqueueMany inserts every job in order", async () => {
    const type = uniqueType();
    const jobs = await env.queue.enqueueMany(Array.from({ length: 5 }, (_, i) => ({ type, payload: { i } })));
    expect(jobs.map((j) => j.payload)).toEqual([0, 1, 2, 3, 4].map((i) => ({ i })));
    expect((await env.queue.list({ type })).total).toBe(5);
  });

  test("rejects malformed input with Invalid listing the fields", async () => {
    const error = await env.queue
      .enqueue({ type: "not a type!", maxAttempts: 0, workspaceId: "nope", priority: 1.5 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Invalid);
    expect((error as Invalid).issues.map((i) => i.field).sort()).toEqual(["maxAttempts", "priority", "type", "workspaceId"]);
  });
});

describe("get and workspace scoping", () => {
  test("another workspace's job is not found, for get, cancel and retry", async () => {
    const type = uniqueType();
    const [a, b] = [newId(), newId()];
    const job = await env.queue.enqueue({ type, workspaceId: a });
    expect(await env.queue.get(job.id, { workspaceId: a })).toMatchObject({ id: job.id });
    expect(await env.queue.get(job.id, { workspaceId: b })).toBeNull();
    await expect(env.queue.cancel(job.id, { workspaceId: b })).rejects.toBeInstanceOf(NotFound);
    await expect(env.queue.retry(job.id, { workspaceId: b })).rejects.toBeInstanceOf(NotFound);
    expect((await env.queue.get(job.id))?.status).toBe("queued");
  });

  test("unknown and malformed ids are not found", async () => {
    expect(await env.queue.get(newId())).toBeNull();
    expect(await env.queue.get("not-a-uuid")).toBeNull();
    expect(await env.queue.get(newId(), { workspaceId: "not-a-uuid" })).toBeNull();
    expect(await env.queue.list({ workspaceId: "not-a-uuid" })).toEqual({ items: [], total: 0 });
    await expect(env.queue.cancel("not-a-uuid")).rejects.toBeInstanceOf(NotFound);
    await expect(env.queue.retry(newId())).rejects.toBeInstanceOf(NotFound);
  });
});

describe("list", () => {
  test("filters by workspace, status and type, newest first, with limit, offset and total", async () => {
    const [typeA, typeB] = [uniqueType("a"), uniqueType("b")];
    const workspaceId = newId();
    const made = [];
    for (let i = 0; i < 6; i++) {
      made.push(await env.queue.enqueue({ type: i % 2 === 0 ? typeA : typeB, workspaceId, payload: { i } }));
    }
    await env.queue.enqueue({ type: typeA, workspaceId: newId() });
    await env.queue.cancel(made[0]!.id);

    const all = await env.queue.list({ workspaceId });
    expect(all.total).toBe(6);
    expect(all.items.map((j) => j.id)).toEqual(made.map((j) => j.id).reverse());

    const page = await env.queue.list({ workspaceId, limit: 2, offset: 2 });
    expect(page.total).toBe(6);
    expect(page.items.map((j) => j.id)).toEqual([made[3]!.id, made[2]!.id]);

    const onlyA = await env.queue.list({ workspaceId, type: typeA });
    expect(onlyA.items.map((j) => j.payload)).toEqual([{ i: 4 }, { i: 2 }, { i: 0 }]);

    expect((await env.queue.list({ workspaceId, status: "cancelled" })).items.map((j) => j.id)).toEqual([made[0]!.id]);
    expect((await env.queue.list({ workspaceId, status: ["queued", "cancelled"] })).total).toBe(6);
    expect((await env.queue.list({ workspaceId, status: "queued", type: typeA })).total).toBe(2);
    expect((await env.queue.list({ type: typeA })).total).toBe(4);
  });

  test("workspaceId null selects platform jobs only", async () => {
    const type = uniqueType();
    await env.queue.enqueue({ type });
    await env.queue.enqueue({ type, workspaceId: newId() });
    const platform = await env.queue.list({ type, workspaceId: null });
    expect(platform.total).toBe(1);
    expect(platform.items[0]!.workspaceId).toBeNull();
  });
});

describe("claim", () => {
  test("takes due jobs by priority, only of the given types, never twice", async () => {
    const [type, other] = [uniqueType(), uniqueType()];
    const low = await env.queue.enqueue({ type, priority: 0 });
    const high = await env.queue.enqueue({ type, priority: 10 });
    await env.queue.enqueue({ type, runAt: new Date(Date.now() + 60_000) });
    await env.queue.enqueue({ type: other });

    const first = await env.queue.claim({ workerId: "w1", limit: 1, leaseMs: 10_000, types: [type] });
    expect(first.map((c) => c.job.id)).toEqual([high.id]);
    expect(first[0]!.job).toMatchObject({ status: "running", lockedBy: "w1", attempts: 1 });
    expect(first[0]!.lease).toEqual({ jobId: high.id, workerId: "w1", attempt: 1 });
    expect(first[0]!.job.leaseExpiresAt!.getTime()).toBeGreaterThan(Date.now() + 5_000);

    const rest = await env.queue.claim({ workerId: "w2", limit: 10, leaseMs: 10_000, types: [type] });
    expect(rest.map((c) => c.job.id)).toEqual([low.id]);
    expect(await env.queue.claim({ workerId: "w3", limit: 10, leaseMs: 10_000, types: [type] })).toEqual([]);
    expect(await env.queue.claim({ workerId: "w3", limit: 10, leaseMs: 10_000, types: [] })).toEqual([]);
  });

  test("with workspaceIds, takes only those workspaces' jobs (never platform jobs)", async () => {
    const type = uniqueType();
    const [a, b] = [newId(), newId()];
    const ofA = await env.queue.enqueue({ type, workspaceId: a });
    await env.queue.enqueue({ type, workspaceId: b });
    await env.queue.enqueue({ type });

    const claimed = await env.queue.claim({ workerId: "wa", limit: 10, leaseMs: 10_000, types: [type], workspaceIds: [a, "not-a-uuid"] });
    expect(claimed.map((c) => c.job.id)).toEqual([ofA.id]);
    expect(await env.queue.claim({ workerId: "wa", limit: 10, leaseMs: 10_000, types: [type], workspaceIds: [] })).toEqual([]);
    expect(await env.queue.claim({ workerId: "wa", limit: 10, leaseMs: 10_000, types: [type], workspaceIds: ["not-a-uuid"] })).toEqual([]);
    expect(await env.queue.claim({ workerId: "any", limit: 10, leaseMs: 10_000, types: [type] })).toHaveLength(2);
  });

  test("concurrent claims split the jobs without overlap", async () => {
    const type = uniqueType();
    await env.queue.enqueueMany(Array.from({ length: 30 }, () => ({ type })));
    const batches = await Promise.all(
      ["a", "b", "c"].map((w) => env.queue.claim({ workerId: w, limit: 12, leaseMs: 10_000, types: [type] })),
    );
    const ids = batches.flat().map((c) => c.job.id);
    expect(ids).toHaveLength(30);
    expect(new Set(ids).size).toBe(30);
  });

  test("re-claims a running job whose lease expired, and fences out the old holder", async () => {
    const type = uniqueType();
    const job = await env.queue.enqueue({ type });
    const [old] = await env.queue.claim({ workerId: "dead", limit: 1, leaseMs: 50, types: [type] });
    expect(await env.queue.claim({ workerId: "next", limit: 1, leaseMs: 10_000, types: [type] })).toEqual([]);
    await sleep(80);
    const [next] = await env.queue.claim({ workerId: "next", limit: 1, leaseMs: 10_000, types: [type] });
    expect(next!.job).toMatchObject({ id: job.id, lockedBy: "next", attempts: 2 });

    expect(await env.queue.heartbeat(old!.lease, 10_000)).toEqual({ leaseHeld: false, cancelRequested: false });
    expect(await env.queue.progress(old!.lease, { percent: 99 })).toBe(false);
    expect(await env.queue.complete(old!.lease, { stale: true })).toBe(false);
    expect(await env.queue.fail(old!.lease, new Error("stale"))).toEqual({ status: "lease_lost" });
    expect(await env.queue.release(old!.lease)).toBe(false);

    expect(await env.queue.complete(next!.lease, { fresh: true })).toBe(true);
    expect(await env.queue.get(job.id)).toMatchObject({ status: "succeeded", result: { fresh: true }, progress: 100 });
  });

  test("an abandoned job out of attempts fails instead of running again", async () => {
    const queue = new PostgresJobQueue({ db: env.db, pubSub: env.pubSub, sweepIntervalMs: 0 });
    const type = uniqueType();
    const job = await queue.enqueue({ type, maxAttempts: 1 });
    await queue.claim({ workerId: "dead", limit: 1, leaseMs: 30, types: [type] });
    await sleep(60);
    expect(await queue.claim({ workerId: "next", limit: 1, leaseMs: 10_000, types: [type] })).toEqual([]);
    const failed = await queue.get(job.id);
    expect(failed).toMatchObject({ status: "failed", attempts: 1 });
    expect(failed!.lastError).toMatch(/lease expired/);
    expect(failed!.finishedAt).toBeInstanceOf(Date);
  });
});

describe("heartbeat, progress, complete", () => {
  test("heartbeat extends the lease; progress and completion are stored", async () => {
    const type = uniqueType();
    const job = await env.queue.enqueue({ type });
    const [claimed] = await env.queue.claim({ workerId: "w", limit: 1, leaseMs: 1_000, types: [type] });
    const before = (await env.queue.get(job.id))!.leaseExpiresAt!;
    expect(await env.queue.heartbeat(claimed!.lease, 60_000)).toEqual({ leaseHeld: true, cancelRequested: false });
    expect((await env.queue.get(job.id))!.leaseExpiresAt!.getTime()).toBeGreaterThan(before.getTime() + 50_000);

    expect(await env.queue.progress(claimed!.lease, { percent: 142.4, message: "copying", step: "files" })).toBe(true);
    expect(await env.queue.get(job.id)).toMatchObject({ progress: 100, progressMessage: "copying", currentStep: "files" });
    await env.queue.progress(claimed!.lease, { percent: 40.6 });
    expect(await env.queue.get(job.id)).toMatchObject({ progress: 41, progressMessage: "copying", currentStep: "files" });

    expect(await env.queue.complete(claimed!.lease, { copied: 3 })).toBe(true);
    const done = await env.queue.get(job.id);
    expect(done).toMatchObject({ status: "succeeded", result: { copied: 3 }, progress: 100, leaseExpiresAt: null });
    expect(done!.finishedAt).toBeInstanceOf(Date);
    expect(done!.startedAt).toBeInstanceOf(Date);
  });

  test("publishes progress and status events on jobs:<id>", async () => {
    const type = uniqueType();
    const job = await env.queue.enqueue({ type });
    const events: JobEvent[] = [];
    const unsubscribe = await env.pubSub.subscribe(jobChannel(job.id), (message) => {
      const event = parseJobEvent(message);
      if (event) events.push(event);
    });
    const [claimed] = await env.queue.claim({ workerId: "w", limit: 1, leaseMs: 10_000, types: [type] });
    await env.queue.progress(claimed!.lease, { percent: 50, message: "half" });
    await env.queue.complete(claimed!.lease);
    await waitFor(() => events.length >= 3);
    await unsubscribe();
    expect(events.map((e) => [e.event, e.status, e.progress])).toEqual([
      ["status", "running", 0],
      ["progress", "running", 50],
      ["status", "succeeded", 100],
    ]);
    expect(events[1]).toMatchObject({ id: job.id, type, progressMessage: "half" });
  });
});

describe("fail and retry", () => {
  test("retries with backoff while attempts remain, then fails for good with the error", async () => {
    const type = uniqueType();
    const job = await env.queue.enqueue({ type, maxAttempts: 2 });
    const [first] = await env.queue.claim({ workerId: "w", limit: 1, leaseMs: 10_000, types: [type] });
    const outcome = await env.queue.fail(first!.lease, new TypeError("first failure"));
    expect(outcome.status).toBe("queued");
    const queued = await env.queue.get(job.id);
    expect(queued).toMatchObject({ status: "queued", attempts: 1, lastError: "TypeError: first failure", lockedBy: null });
    // fastBackoff: 20 ms after the first failure, no jitter.
    expect(queued!.runAt.getTime() - queued!.updatedAt.getTime()).toBe(fastBackoff.baseMs);

    expect(await env.queue.claim({ workerId: "w", limit: 1, leaseMs: 10_000, types: [type] })).toEqual([]);
    await sleep(40);
    const [second] = await env.queue.claim({ workerId: "w", limit: 1, leaseMs: 10_000, types: [type] });
    expect(second!.lease.attempt).toBe(2);
    expect(await env.queue.fail(second!.lease, new Error("second failure"))).toEqual({ status: "failed" });
    const failed = await env.queue.get(job.id);
    expect(failed).toMatchObject({ status: "failed", attempts: 2, lastError: "second failure" });
    expect(failed!.finishedAt).toBeInstanceOf(Date);
  });

  test("a non-retryable error fails at once", async () => {
    const type = uniqueType();
    const job = await env.queue.enqueue({ type, maxAttempts: 5 });
    const [claimed] = await env.queue.claim({ workerId: "w", limit: 1, leaseMs: 10_000, types: [type] });
    expect(await env.queue.fail(claimed!.lease, "bad payload", { retryable: false })).toEqual({ status: "failed" });
    expect(await env.queue.get(job.id)).toMatchObject({ status: "failed", attempts: 1, lastError: "bad payload" });
  });

  test("retry queues a failed or cancelled job again with fresh attempts; other states conflict", async () => {
    const type = uniqueType();
    const job = await env.queue.enqueue({ type, maxAttempts: 1 });
    await expect(env.queue.retry(job.id)).rejects.toBeInstanceOf(Conflict);
    const [claimed] = await env.queue.claim({ workerId: "w", limit: 1, leaseMs: 10_000, types: [type] });
    await expect(env.queue.retry(job.id)).rejects.toBeInstanceOf(Conflict);
    await env.queue.progress(claimed!.lease, { percent: 30, step: "one" });
    await env.queue.fail(claimed!.lease, new Error("nope"));

    const again = await env.queue.retry(job.id);
    expect(again).toMatchObject({ status: "queued", attempts: 0, progress: 0, currentStep: null, finishedAt: null });
    const [reclaimed] = await env.queue.claim({ workerId: "w", limit: 1, leaseMs: 10_000, types: [type] });
    await env.queue.complete(reclaimed!.lease, "ok");
    await expect(env.queue.retry(job.id)).rejects.toBeInstanceOf(Conflict);

    const cancelled = await env.queue.enqueue({ type });
    await env.queue.cancel(cancelled.id);
    expect((await env.queue.retry(cancelled.id)).status).toBe("queued");
  });

  test("release gives the job back without counting the attempt", async () => {
    const type = uniqueType();
    const job = await env.queue.enqueue({ type });
    const [claimed] = await env.queue.claim({ workerId: "w", limit: 1, leaseMs: 10_000, types: [type] });
    expect(await env.queue.release(claimed!.lease)).toBe(true);
    expect(await env.queue.get(job.id)).toMatchObject({ status: "queued", attempts: 0, lockedBy: null, leaseExpiresAt: null });
  });
});

describe("cancel", () => {
  test("a queued job is cancelled at once and never claimed", async () => {
    const type = uniqueType();
    const job = await env.queue.enqueue({ type });
    const cancelled = await env.queue.cancel(job.id);
    expect(cancelled).toMatchObject({ status: "cancelled" });
    expect(cancelled.finishedAt).toBeInstanceOf(Date);
    expect(cancelled.cancelRequestedAt).toBeInstanceOf(Date);
    expect(await env.queue.claim({ workerId: "w", limit: 5, leaseMs: 10_000, types: [type] })).toEqual([]);
    // Idempotent.
    expect(await env.queue.cancel(job.id)).toEqual(cancelled);
  });

  test("a running job gets a cancel request that its heartbeat reports, and ends cancelled", async () => {
    const type = uniqueType();
    const job = await env.queue.enqueue({ type });
    const [claimed] = await env.queue.claim({ workerId: "w", limit: 1, leaseMs: 10_000, types: [type] });
    const requested = await env.queue.cancel(job.id);
    expect(requested.status).toBe("running");
    expect(requested.cancelRequestedAt).toBeInstanceOf(Date);
    expect(await env.queue.heartbeat(claimed!.lease, 10_000)).toEqual({ leaseHeld: true, cancelRequested: true });
    expect(await env.queue.fail(claimed!.lease, new Error("aborted"))).toEqual({ status: "cancelled" });
    const done = await env.queue.get(job.id);
    expect(done).toMatchObject({ status: "cancelled", lastError: null });
    expect(done!.finishedAt).toBeInstanceOf(Date);
  });

  test("a finished job cannot be cancelled", async () => {
    const type = uniqueType();
    const job = await env.queue.enqueue({ type });
    const [claimed] = await env.queue.claim({ workerId: "w", limit: 1, leaseMs: 10_000, types: [type] });
    await env.queue.complete(claimed!.lease);
    await expect(env.queue.cancel(job.id)).rejects.toBeInstanceOf(Conflict);
  });
});

test("the jobs table has the claim and listing indexes", async () => {
  const { rows } = await sql<{ indexname: string; indexdef: string }>`
    select indexname, indexdef from pg_indexes where schemaname = 'public' and tablename = 'jobs'`.execute(env.db);
  const defs = Object.fromEntries(rows.map((r) => [r.indexname, r.indexdef]));
  expect(defs.jobs_claim_idx).toMatch(/\(status, run_at, priority\)/);
  expect(defs.jobs_workspace_created_idx).toMatch(/\(workspace_id, created_at DESC\)/);
});

describe("list by several types, remove", () => {
  test("lists any of several types", async () => {
    const [a, b, c] = [uniqueType(), uniqueType(), uniqueType()];
    await env.queue.enqueueMany([{ type: a }, { type: b }, { type: c }]);
    const page = await env.queue.list({ type: [a, b] });
    expect(page.items.map((j) => j.type).sort()).toEqual([a, b].sort());
    expect((await env.queue.list({ type: [] })).total).toBe(0);
  });

  test("removes a finished job, refuses an active one, scoped to the workspace", async () => {
    const workspaceId = newId();
    const job = await env.queue.enqueue({ type: uniqueType(), workspaceId });
    await expect(env.queue.remove(job.id, { workspaceId })).rejects.toBeInstanceOf(Conflict);
    await env.queue.cancel(job.id, { workspaceId });
    await expect(env.queue.remove(job.id, { workspaceId: newId() })).rejects.toBeInstanceOf(NotFound);
    await env.queue.remove(job.id, { workspaceId });
    expect(await env.queue.get(job.id)).toBeNull();
    await expect(env.queue.remove(job.id, { workspaceId })).rejects.toBeInstanceOf(NotFound);
  });
});
