import { sql } from "kysely";
import { MemoryPubSub } from "../../adapters/cache/memory-pub-sub.ts";
import { createJsonLogger } from "../../adapters/logging/json-logger.ts";
import { PostgresJobQueue } from "../../adapters/postgres/jobs/postgres-job-queue.ts";
import { jsonb } from "../../adapters/postgres/jsonb.ts";
import { startWorker } from "../../jobs/worker.ts";
import { newId } from "../../core/ids.ts";
import { fmt, printTable, throughput } from "../support/measure.ts";
import type { BenchContext } from "../main.ts";

/**
 * The job queue against plain SQL on the same database in the same run:
 * - enqueue: `enqueueMany` of N jobs vs one multi-row INSERT of N rows into a bare table;
 * - drain: a worker (concurrency 4) claiming and completing N no-op jobs vs 4 bare
 *   `FOR UPDATE SKIP LOCKED` claim-and-finish loops over a bare table.
 */
export async function jobsBench({ database, size }: BenchContext): Promise<void> {
  const n = size === "full" ? 20_000 : 2_000;
  const db = database.db;
  const pubSub = new MemoryPubSub();
  const logger = createJsonLogger("silent");
  const queue = new PostgresJobQueue({ db, pubSub, logger });
  const type = `bench.noop-${newId().slice(-8)}`;

  await sql`drop table if exists bench_jobs`.execute(db);
  await sql`create table bench_jobs (id uuid primary key, type text, payload jsonb, status text, created_at timestamptz default now())`.execute(db);
  const raw = await throughput(n, async () => {
    for (let i = 0; i < n; i += 1000) {
      const rows = Array.from({ length: Math.min(1000, n - i) }, () => ({ id: newId(), type, payload: { i }, status: "queued" }));
      await sql`insert into bench_jobs (id, type, payload, status) select * from jsonb_to_recordset(${jsonb(rows)}) as r(id uuid, type text, payload jsonb, status text)`.execute(db);
    }
  });
  const enqueue = await throughput(n, async () => {
    for (let i = 0; i < n; i += 1000) {
      await queue.enqueueMany(Array.from({ length: Math.min(1000, n - i) }, (_, j) => ({ type, payload: { i: i + j } })));
    }
  });

  // Baseline: the bare SKIP LOCKED claim-then-finish loop, 4 loops at once, no leases,
  // heartbeats, events or retries: what any Postgres queue must do at least.
  const rawDrain = await throughput(n, () =>
    Promise.all(
      Array.from({ length: 4 }, async () => {
        for (;;) {
          const claimed = await sql<{ id: string }>`update bench_jobs set status = 'running' where id = (select id from bench_jobs where status = 'queued' order by id for update skip locked limit 1) returning id`.execute(db);
          const id = claimed.rows[0]?.id;
          if (!id) return;
          await sql`update bench_jobs set status = 'succeeded' where id = ${id}`.execute(db);
        }
      }),
    ),
  );
  let done = 0;
  const drain = await throughput(n, async () => {
    await new Promise<void>((resolve) => {
      const worker = startWorker({
        queue,
        handlers: new Map([[type, async () => { if (++done === n) resolve(); }]]),
        concurrency: 4,
        leaseMs: 30_000,
        pollIntervalMs: 5,
        logger,
      });
      void (async () => {
        while (done < n) await new Promise((r) => setTimeout(r, 20));
        await worker.stop();
      })();
    });
  });
  await db.deleteFrom("jobs").where("type", "=", type).execute();
  await sql`drop table bench_jobs`.execute(db);
  await pubSub.close();

  printTable(`jobs (${database.kind}, ${fmt(n, 0)} jobs)`, [
    { metric: "enqueue jobs/s", subject: fmt(enqueue.perSecond, 0), baseline: `${fmt(raw.perSecond, 0)} (multi-row INSERT)`, ratio: `${fmt(raw.perSecond / enqueue.perSecond, 2)}x slower` },
    { metric: "drain jobs/s", subject: fmt(drain.perSecond, 0), baseline: `${fmt(rawDrain.perSecond, 0)} (bare SKIP LOCKED loop)`, ratio: `${fmt(rawDrain.perSecond / drain.perSecond, 1)}x slower` },
  ]);
}
