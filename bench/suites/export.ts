import { createWriteStream } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import postgres from "postgres";
import { sql } from "kysely";
import { createJsonLogger } from "../../adapters/logging/json-logger.ts";
import { derivedAssignments } from "../../adapters/postgres/records/derived-columns-sql.ts";
import { tenantDatabase } from "../../adapters/postgres/tenant-database.ts";
import { loadConfig } from "../../app/config/load-config.ts";
import { openServices } from "../../app/composition/open-services.ts";
import type { Services } from "../../app/composition/services.ts";
import type { Actor } from "../../core/auth/actor.ts";
import { createExportJob } from "../../core/exports/create-export-job.ts";
import { createRecordset } from "../../core/recordsets/create-recordset.ts";
import type { FieldInput } from "../../core/recordsets/field-schema.ts";
import type { RecordsetRecord } from "../../core/recordsets/recordset-repository.ts";
import { recordsetsExportHandler } from "../../jobs/handlers/recordsets-export.ts";
import type { BenchContext } from "../main.ts";
import { benchWorkspace } from "../support/bench-workspace.ts";
import { fmt, peakRss, printTable } from "../support/measure.ts";

/**
 * Export of a recordset to CSV (issue 5): the `recordsets.export` job (database cursor ->
 * csv-stringify -> streaming put into object storage, local folder by default) on N records
 * with 10 CSV columns including lat/lng, rows/s and the process's peak RSS, beside a raw
 * `COPY (select the same columns) TO STDOUT` piped into a file in the same run (Postgres; on
 * PGlite, which has no COPY TO STDOUT, a raw cursor over the same select written as CSV text).
 *
 * Seeding: N records (default 1,000,000 on Postgres, 100,000 on PGlite; `--rows N`) inserted
 * by INSERT ... SELECT from generate_series, 100k per statement, derived columns computed in SQL.
 * The workspace `bench-export-<N>` is kept and reused by later runs.
 */

const FIELDS: FieldInput[] = [
  { name: "Name", type: "text", required: true },
  { name: "Category", type: "select", options: ["a", "b", "c", "d"].map((value) => ({ value })) },
  { name: "City", type: "text" },
  { name: "Email", type: "email" },
  { name: "Value", type: "number" },
  { name: "Score", type: "number" },
  { name: "Revenue", type: "currency" },
  { name: "Opened", type: "date" },
  { name: "Location", type: "lat_lng" },
];

const BATCH = 100_000;

function rowsArg(kind: string): number {
  const i = process.argv.findIndex((a) => a === "--rows" || a.startsWith("--rows="));
  const raw = i < 0 ? undefined : process.argv[i]!.includes("=") ? process.argv[i]!.split("=")[1] : process.argv[i + 1];
  const rows = raw === undefined ? (kind === "postgres" ? 1_000_000 : 100_000) : Number(raw);
  if (!Number.isInteger(rows) || rows < 1_000) throw new Error("--rows must be a whole number >= 1000");
  return rows;
}

type Seeded = { ws: { id: string; schemaName: string }; actor: Actor; recordset: RecordsetRecord; reused: boolean };

async function seed(services: Services, rows: number): Promise<Seeded> {
  const db = services.database.db;
  const { ws, owner, actor } = await benchWorkspace(services, `bench-export-${rows}`, "Export bench");
  const tenant = tenantDatabase(services.database, ws.schemaName);
  let recordset = await services.recordsets.findBySlug(ws, "exported");
  const count = recordset ? (await tenant.transaction((trx) => sql<{ n: number }>`select count(*)::int as n from records where recordset_id = ${recordset!.id}::uuid`.execute(trx))).rows[0]!.n : 0;
  if (recordset && count === rows) return { ws, actor, recordset, reused: true };
  if (recordset) await tenant.transaction((trx) => sql`delete from recordsets where id = ${recordset!.id}::uuid`.execute(trx));

  recordset = await createRecordset(services, actor, { name: "Exported", slug: "exported", fields: FIELDS });
  const derived = derivedAssignments(recordset);
  const columns = Object.keys(derived);
  const i = sql<number>`i::bigint`;
  // UUIDv7-shaped ids in time order, as an import's would be.
  const id = sql`(lpad(to_hex((extract(epoch from clock_timestamp()) * 1000)::bigint), 12, '0') || '7' || substr(md5(${i}::text), 1, 3) || '8' || substr(md5(${i}::text || 'x'), 1, 15))::uuid`;
  const values = sql`jsonb_build_object(
    'name', 'Place ' || ${i}, 'category', (array['a','b','c','d'])[(1 + ${i} % 4)::int], 'city', 'City ' || (${i} % 97),
    'email', 'p' || ${i} || '@example.test', 'value', (${i} * 7919) % 1000, 'score', ((${i} * 104729) % 100000) / 100.0,
    'revenue', (${i} % 5000) * 10, 'opened', to_char(date '2020-01-01' + (${i} % 1500)::int, 'YYYY-MM-DD'),
    'location', jsonb_build_object('lat', 48 + (${i} / 1000) * 0.001, 'lng', 2 + (${i} % 1000) * 0.001))`;
  const started = performance.now();
  for (let from = 0; from < rows; from += BATCH) {
    const to = Math.min(rows, from + BATCH);
    await tenant.transaction(async (trx) => {
      await sql`
        insert into records (id, recordset_id, field_values, created_by, ${sql.join(columns.map((c) => sql.id(c)))})
        select id, ${recordset!.id}::uuid, field_values, ${owner}::uuid, ${sql.join(columns.map((c) => derived[c]!))}
        from (select ${id} as id, ${values} as field_values from generate_series(${from}::int, ${to - 1}::int) as i) src`.execute(trx);
    });
    process.stdout.write(`\rseeded ${fmt(to, 0)} / ${fmt(rows, 0)} records (${fmt((performance.now() - started) / 1000)} s)`);
  }
  await tenant.transaction((trx) => sql`update recordsets set record_count = ${rows} where id = ${recordset!.id}::uuid`.execute(trx));
  await sql`vacuum analyze ${sql.id(ws.schemaName, "records")}`.execute(db);
  console.log("");
  return { ws, actor, recordset, reused: false };
}

/** The select both sides write: the 10 CSV columns of the export, in id order. */
function selectText(schemaName: string, recordsetId: string): string {
  if (!/^[a-z0-9_]+$/.test(schemaName) || !/^[0-9a-f-]{36}$/.test(recordsetId)) throw new Error("unexpected names");
  return `select field_values->>'name' as "Name", field_values->>'category' as "Category", field_values->>'city' as "City", field_values->>'email' as "Email",
      field_values->'value' as "Value", field_values->'score' as "Score", field_values->'revenue' as "Revenue", field_values->>'opened' as "Opened",
      field_values->'location'->'lat' as "Location.lat", field_values->'location'->'lng' as "Location.lng"
    from ${schemaName}.records where recordset_id = '${recordsetId}' and deleted_at is null order by id`;
}

async function rawCopy(services: Services, s: Seeded, path: string): Promise<void> {
  const url = services.config.DATABASE_URL;
  if (url) {
    // A client of its own, ended afterwards: a postgres.js COPY TO STDOUT can leave its
    // connection's socket paused (porsager/postgres#499, #917), and the next query on that
    // connection would wait forever. This is what hung this suite now and then.
    const client = postgres(url, { max: 1 });
    try {
      const readable = await client.unsafe(`copy (${selectText(s.ws.schemaName, s.recordset.id)}) to stdout with (format csv, header)`).readable();
      await pipeline(readable, createWriteStream(path));
    } finally {
      await client.end({ timeout: 1 });
    }
    return;
  }
  // PGlite: the same select through a cursor, each row written as a CSV line.
  const out = createWriteStream(path);
  const tenant = tenantDatabase(services.database, s.ws.schemaName);
  const rows = tenant.stream(() => sql<Record<string, unknown>>`${sql.raw(selectText(s.ws.schemaName, s.recordset.id))}`, { chunkSize: 2000 });
  for await (const row of rows) {
    const line = Object.values(row).map((v) => (v === null ? "" : typeof v === "string" && /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : String(v))).join(",") + "\n";
    if (!out.write(line)) await new Promise<void>((r) => out.once("drain", () => r()));
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

export async function exportBench({ database }: BenchContext): Promise<void> {
  const rows = rowsArg(database.kind);
  const dataDir = await mkdtemp(join(tmpdir(), "fos-export-bench-"));
  const config = loadConfig({ ...process.env, LOG_LEVEL: "silent", RATE_LIMIT_PER_MINUTE: "0", RUN_WORKER: "false", DATA_DIR: dataDir });
  const services = await openServices(config, { database, migrate: false, logger: createJsonLogger("silent") });
  try {
    const s = await seed(services, rows);
    if (s.reused) console.log(`reusing the seeded workspace bench-export-${rows} (${fmt(rows, 0)} records)`);

    const rawPath = join(dataDir, "raw.csv");
    const restBefore = Math.round(process.memoryUsage().rss / 1024 / 1024);
    let rss = peakRss();
    let started = performance.now();
    await rawCopy(services, s, rawPath);
    const rawMs = performance.now() - started;
    const rawRss = rss.stop();
    const rawBytes = (await stat(rawPath)).size;
    await rm(rawPath);

    const { job } = await createExportJob(services, s.actor, { recordsetId: s.recordset.id, format: "csv" });
    const restAfter = Math.round(process.memoryUsage().rss / 1024 / 1024);
    rss = peakRss();
    started = performance.now();
    const result = (await recordsetsExportHandler(services)({ job, signal: new AbortController().signal, reportProgress: () => undefined })) as { processed: number; size_bytes: number };
    const exportMs = performance.now() - started;
    const exportRss = rss.stop();
    // The bench ran the handler itself: take the queued row out of the queue.
    await services.jobs.cancel(job.id).then(() => services.jobs.remove(job.id)).catch(() => undefined);

    const baselineName = database.postgres ? "raw COPY TO STDOUT -> file" : "raw cursor -> CSV file (PGlite: no COPY TO STDOUT)";
    printTable(`export (${database.kind}, ${fmt(rows, 0)} records, 10 CSV columns incl. lat/lng)`, [
      { metric: `CSV export job, ${fmt(result.processed, 0)} rows, ${fmt(result.size_bytes / 1e6)} MB`, subject: `${fmt((result.processed / exportMs) * 1000, 0)} rows/s`, baseline: `${fmt((rows / rawMs) * 1000, 0)} rows/s (${baselineName}, ${fmt(rawBytes / 1e6)} MB)`, ratio: `${fmt(exportMs / rawMs, 2)}x slower` },
      { metric: "peak RSS", subject: `${fmt(exportRss)} MB`, baseline: `${fmt(rawRss)} MB`, ratio: `at rest: ${restBefore} MB / ${restAfter} MB` },
    ]);
  } finally {
    await services.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}
