import { spawn, spawnSync } from "node:child_process";
import { createInterface } from "node:readline";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { createJsonLogger } from "../../adapters/logging/json-logger.ts";
import { jsonb } from "../../adapters/postgres/jsonb.ts";
import { createTenantSchema } from "../../adapters/postgres/migrator.ts";
import { tenantDatabase } from "../../adapters/postgres/tenant-database.ts";
import { loadConfig } from "../../app/config/load-config.ts";
import { openServices } from "../../app/composition/open-services.ts";
import type { Services } from "../../app/composition/services.ts";
import { createApp } from "../../app/create-app.ts";
import { startSession } from "../../core/auth/sessions.ts";
import { newId } from "../../core/ids.ts";
import type { BenchContext } from "../main.ts";
import { fmt, percentile, printTable, throughput } from "../support/measure.ts";

/**
 * Real-time delivery and event fan-out, each beside a baseline from the same run:
 * - SSE: N connections (500; 5,000 with --full) held over real HTTP (@hono/node-server on
 *   127.0.0.1) from a separate client process, one notification delivered to all: latency
 *   from `record()` to each client's receipt (p50/p99) and server RSS growth per connection.
 *   Baseline: the same N clients timing a plain pre-opened HTTP response write, no app.
 *   Needs 2 file descriptors per connection across both processes (`ulimit -n` >= N + 1,000).
 * - Fan-out: events recorded through the recorder, each notifying 20 members (activity row +
 *   20 notification rows in the event's transaction, delivered after commit), vs plain
 *   INSERTs of the same rows in one transaction per event, same concurrency.
 * - Batched fan-out: ten times as many events through `recordMany`, 500 per transaction, vs
 *   the same rows in multi-row INSERTs, 500 events per transaction.
 */
export async function eventsBench({ database, size }: BenchContext): Promise<void> {
  const connections = size === "full" ? 5_000 : 500;
  const events = size === "full" ? 2_000 : 300;
  const fdLimit = Number(spawnSync("sh", ["-c", "ulimit -n"], { encoding: "utf8" }).stdout.trim());
  if (Number.isFinite(fdLimit) && fdLimit < connections + 1_000) {
    console.warn(`note: ulimit -n is ${fdLimit}; ${connections} SSE connections need about ${connections + 1_000} (raise it: ulimit -n 65535)`);
  }
  const config = loadConfig({ ...process.env, LOG_LEVEL: "silent", RATE_LIMIT_PER_MINUTE: "0", RUN_WORKER: "false", DATA_DIR: process.env.DATA_DIR ?? "./.data" });
  const services = await openServices(config, { database, migrate: false, logger: createJsonLogger("silent") });
  try {
    const sse = await sseDelivery(services, connections);
    const fanout = await fanOut(services, events);
    printTable(`events (${connections.toLocaleString("en-US")} SSE connections; ${events} events x 20 recipients)`, [
      {
        metric: "SSE delivery to all, p50",
        subject: `${fmt(sse.p50)} ms`,
        baseline: `${fmt(sse.baselineP50)} ms (bare HTTP write)`,
        ratio: `${fmt(sse.p50 / Math.max(sse.baselineP50, 0.1))}x`,
      },
      {
        metric: "SSE delivery to all, p99 (target < 500 ms)",
        subject: `${fmt(sse.p99)} ms`,
        baseline: `${fmt(sse.baselineP99)} ms (bare HTTP write)`,
        ratio: `${fmt(sse.p99 / Math.max(sse.baselineP99, 0.1))}x; ${fmt(sse.p99 / 500, 2)} of target`,
      },
      {
        metric: "server memory per connection (target < 50 KB)",
        subject: `${fmt(sse.kbPerConnection)} KB`,
        baseline: `${fmt(sse.baselineKbPerConnection)} KB (bare HTTP response)`,
        ratio: `${fmt(sse.kbPerConnection / Math.max(sse.baselineKbPerConnection, 0.1))}x; ${fmt(sse.kbPerConnection / 50, 2)} of target`,
      },
      {
        metric: "  of which JS heap per connection",
        subject: `${fmt(sse.heapKbPerConnection)} KB`,
        baseline: "",
        ratio: "",
      },
      {
        metric: "events/s, 20 notifications each (goal 10,000)",
        subject: `${fmt(fanout.recorder, 0)} /s`,
        baseline: `${fmt(fanout.baseline, 0)} /s (plain INSERTs)`,
        ratio: `${fmt(fanout.baseline / fanout.recorder, 2)}x slower; ${fmt(fanout.recorder / 10_000, 3)} of goal`,
      },
      {
        metric: `events/s batched (recordMany, ${BATCH} per transaction)`,
        subject: `${fmt(fanout.batched, 0)} /s`,
        baseline: `${fmt(fanout.batchedBaseline, 0)} /s (multi-row INSERTs, ${BATCH} per tx)`,
        ratio: `${fmt(fanout.batchedBaseline / fanout.batched, 2)}x slower; ${fmt(fanout.batched / 10_000, 3)} of goal`,
      },
    ]);
  } finally {
    await services.close();
  }
}

type Seeded = { workspaceId: string; schemaName: string; owner: string; members: string[]; token: string };

async function seed(services: Services, members: number): Promise<Seeded> {
  const db = services.database.db;
  const ids = Array.from({ length: members + 1 }, () => newId());
  await db.insertInto("users").values(ids.map((id) => ({ id, email: `bench-${id}@example.test`, full_name: "Bench", is_active: true }))).execute();
  const workspaceId = newId();
  const schemaName = await createTenantSchema(db, workspaceId);
  await db.insertInto("workspaces").values({ id: workspaceId, name: "Bench", slug: `bench-${workspaceId}`, schema_name: schemaName, owner_id: ids[0]! }).execute();
  await db.insertInto("workspace_members").values(ids.map((id, i) => ({ workspace_id: workspaceId, user_id: id, role: i === 0 ? ("owner" as const) : ("member" as const) }))).execute();
  const tokens = await startSession(
    {
      refreshTokens: services.refreshTokens,
      now: services.now,
      jwtSecret: services.secrets.jwt,
      accessTokenTtlSeconds: 3_600,
      refreshTokenTtlDays: 1,
    },
    ids[1]!,
  );
  return { workspaceId, schemaName, owner: ids[0]!, members: ids.slice(1), token: tokens.access_token };
}

/** A client process holding `n` SSE connections; prints `ready` then `got <ms>` per event received. */
const CLIENT = `
const http = require("node:http");
const [url, token, n] = [process.env.URL, process.env.TOKEN, Number(process.env.N)];
const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });
let connected = 0, opened = 0;
const now = () => performance.timeOrigin + performance.now();
function open() {
  opened++;
  const req = http.get(url, { agent, headers: token ? { authorization: "Bearer " + token } : {} }, (res) => {
    if (res.statusCode !== 200) { process.stdout.write("error " + res.statusCode + "\\n"); return; }
    if (++connected === n) process.stdout.write("ready\\n");
    if (opened < n) open();
    let buf = "";
    res.setEncoding("utf8");
    res.on("data", (chunk) => {
      buf += chunk;
      let k;
      while ((k = buf.indexOf("\\n\\n")) >= 0) {
        const block = buf.slice(0, k);
        buf = buf.slice(k + 2);
        if (block.includes("event: notification") || block.includes("data: bare")) process.stdout.write("got " + now() + "\\n");
      }
    });
  });
  req.on("error", (e) => process.stdout.write("error " + e.message + "\\n"));
}
for (let i = 0; i < Math.min(n, 100); i++) open();
`;

type ClientProcess = { ready: Promise<void>; received: number[]; waitFor(count: number): Promise<void>; stop(): void };

function startClients(url: string, token: string | null, n: number): ClientProcess {
  const child = spawn(process.execPath, ["-e", CLIENT], { env: { ...process.env, URL: url, TOKEN: token ?? "", N: String(n) }, stdio: ["ignore", "pipe", "inherit"] });
  const received: number[] = [];
  let onLine: () => void = () => undefined;
  let readyResolve: () => void = () => undefined;
  let readyReject: (e: Error) => void = () => undefined;
  const ready = new Promise<void>((resolve, reject) => ((readyResolve = resolve), (readyReject = reject)));
  createInterface({ input: child.stdout }).on("line", (line) => {
    if (line === "ready") readyResolve();
    else if (line.startsWith("got ")) received.push(Number(line.slice(4)));
    else if (line.startsWith("error ")) readyReject(new Error(`SSE client: ${line}`));
    onLine();
  });
  return {
    ready,
    received,
    waitFor: (count) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`only ${received.length}/${count} deliveries within 60 s`)), 60_000);
        onLine = () => {
          if (received.length >= count) {
            clearTimeout(timer);
            resolve();
          }
        };
        onLine();
      }),
    stop: () => child.kill("SIGKILL"),
  };
}

const now = (): number => performance.timeOrigin + performance.now();
const rss = (): number => {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().rss;
};

async function sseDelivery(services: Services, n: number) {
  const seeded = await seed(services, 1);
  const member = seeded.members[0]!;
  const app = createApp(services);
  const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }) as import("node:http").Server;
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const port = (server.address() as AddressInfo).port;
  const rounds = 3;
  try {
    const before = rss();
    const heapBefore = process.memoryUsage().heapUsed;
    const clients = startClients(`http://127.0.0.1:${port}/api/v1/notifications/stream`, seeded.token, n);
    await clients.ready;
    while (services.liveSubscriptions.listenerCount < 2 * n) await new Promise((r) => setTimeout(r, 20));
    const kbPerConnection = (rss() - before) / n / 1024;
    const heapKbPerConnection = (process.memoryUsage().heapUsed - heapBefore) / n / 1024;
    const samples: number[] = [];
    for (let round = 1; round <= rounds; round++) {
      const started = now();
      await services.events.record({
        workspaceId: seeded.workspaceId,
        type: "task.assigned",
        actorId: seeded.owner,
        entity: { type: "task", id: `bench-${round}`, name: "Bench" },
        metadata: {},
        audience: [member],
      });
      await clients.waitFor(round * n);
      samples.push(...clients.received.slice((round - 1) * n, round * n).map((t) => t - started));
    }
    clients.stop();
    samples.sort((a, b) => a - b);
    const baseline = await bareHttpBaseline(n, rounds);
    return { p50: percentile(samples, 50), p99: percentile(samples, 99), kbPerConnection, heapKbPerConnection, ...baseline };
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** The same clients on a bare node:http server that writes one line to every open response. */
async function bareHttpBaseline(n: number, rounds: number) {
  const http = await import("node:http");
  const open = new Set<import("node:http").ServerResponse>();
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/event-stream" });
    res.write(": open\n\n");
    open.add(res);
    res.on("close", () => open.delete(res));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const port = (server.address() as AddressInfo).port;
  try {
    const before = rss();
    const clients = startClients(`http://127.0.0.1:${port}/`, null, n);
    await clients.ready;
    while (open.size < n) await new Promise((r) => setTimeout(r, 20));
    const baselineKbPerConnection = (rss() - before) / n / 1024;
    const samples: number[] = [];
    for (let round = 1; round <= rounds; round++) {
      const started = now();
      for (const res of open) res.write("data: bare\n\n");
      await clients.waitFor(round * n);
      samples.push(...clients.received.slice((round - 1) * n, round * n).map((t) => t - started));
    }
    clients.stop();
    samples.sort((a, b) => a - b);
    return { baselineP50: percentile(samples, 50), baselineP99: percentile(samples, 99), baselineKbPerConnection };
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

async function pool(total: number, concurrency: number, work: (i: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < total) await work(next++);
  }));
}

async function fanOut(services: Services, events: number) {
  const seeded = await seed(services, 20);
  const concurrency = 8;
  // Baseline: the same rows (one activity row + 20 notifications) in one tenant transaction per event.
  const tenant = tenantDatabase(services.database, seeded.schemaName);
  const baseline = await throughput(events, () =>
    pool(events, concurrency, (i) =>
      tenant.transaction(async (trx) => {
        const eventId = newId();
        await trx.insertInto("activity").values({ id: eventId, type: "task.assigned", actor_id: seeded.owner, entity_type: "task", entity_id: `b-${i}`, entity_name: "Bench", metadata: jsonb({}), audience: jsonb(seeded.members) }).execute();
        await trx
          .insertInto("notifications")
          .values(seeded.members.map((userId) => ({ id: newId(), user_id: userId, event_id: eventId, type: "task.assigned", title: "Task assigned: Bench", data: jsonb({}), email_wanted: false })))
          .execute();
      }),
    ),
  );
  // No instant mail in the measured path: the members turned task.assigned email off.
  await tenant.transaction((trx) =>
    trx.insertInto("notification_preferences").values(seeded.members.map((userId) => ({ id: newId(), user_id: userId, event_type: "task.assigned", channel: "email" as const, enabled: false }))).execute(),
  );
  const recorder = await throughput(events, async () => {
    await pool(events, concurrency, (i) =>
      services.events.record({
        workspaceId: seeded.workspaceId,
        type: "task.assigned",
        actorId: seeded.owner,
        entity: { type: "task", id: `r-${i}`, name: "Bench" },
        metadata: {},
        audience: seeded.members,
      }),
    );
    await services.notificationFanout.settled();
  });
  // Batched path: recordMany, BATCH events per transaction (one multi-row insert per table),
  // beside the same rows written with multi-row INSERTs, BATCH events per transaction.
  const many = events * 10;
  const batches = Math.ceil(many / BATCH);
  const batchedBaseline = await throughput(many, () =>
    pool(batches, 2, (b) =>
      tenant.transaction(async (trx) => {
        const ids = Array.from({ length: Math.min(BATCH, many - b * BATCH) }, () => newId());
        await trx.insertInto("activity").values(ids.map((id, i) => ({ id, type: "task.assigned", actor_id: seeded.owner, entity_type: "task", entity_id: `bb-${b}-${i}`, entity_name: "Bench", metadata: jsonb({}), audience: jsonb(seeded.members) }))).execute();
        const rows = ids.flatMap((eventId) => seeded.members.map((userId) => ({ id: newId(), user_id: userId, event_id: eventId, type: "task.assigned", title: "Task assigned: Bench", data: jsonb({}), email_wanted: false })));
        for (let i = 0; i < rows.length; i += 2000) await trx.insertInto("notifications").values(rows.slice(i, i + 2000)).execute();
      }),
    ),
  );
  const batched = await throughput(many, async () => {
    await pool(batches, 2, (b) =>
      services.events.recordMany(
        Array.from({ length: Math.min(BATCH, many - b * BATCH) }, (_, i) => ({
          workspaceId: seeded.workspaceId,
          type: "task.assigned",
          actorId: seeded.owner,
          entity: { type: "task", id: `rb-${b}-${i}`, name: "Bench" },
          metadata: {},
          audience: seeded.members,
        })),
      ),
    );
    await services.notificationFanout.settled();
  });
  return { recorder: recorder.perSecond, baseline: baseline.perSecond, batched: batched.perSecond, batchedBaseline: batchedBaseline.perSecond };
}

/** Events per transaction on the batched path (recordMany). */
const BATCH = 500;
