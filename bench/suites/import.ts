import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createJsonLogger } from "../../adapters/logging/json-logger.ts";
import { sql } from "kysely";
import { createTenantSchema } from "../../adapters/postgres/migrator.ts";
import { derivedAssignments } from "../../adapters/postgres/records/derived-columns-sql.ts";
import { loadConfig } from "../../app/config/load-config.ts";
import { openServices } from "../../app/composition/open-services.ts";
import type { Actor } from "../../core/auth/actor.ts";
import { newId } from "../../core/ids.ts";
import { runImport } from "../../core/imports/run-import.ts";
import { createRecordset } from "../../core/recordsets/create-recordset.ts";
import type { BenchContext } from "../main.ts";
import { peakRss, printTable } from "../support/measure.ts";

/**
 * Import of a generated CSV (issue 5): N rows x 10 columns incl. lat,lng, streamed from object
 * storage through the real pipeline (reader -> coercion -> validation -> COPY bulk writer with
 * checkpoints) into a new recordset; rows/s and peak RSS beside a raw `COPY` of the same CSV
 * into a plain table with the same column count (text/number/date columns, a jsonb column and a
 * geometry point) in the same run, and beside the same COPY into a table shaped like `records`
 * (its indexes, generated column and checks) with the derived columns computed in SQL: the
 * cost of the table itself, without our parsing, validation and versions. Default 1,000,000
 * rows on Postgres, 50,000 on PGlite; `--rows N`.
 */
function rowsArg(kind: string): number {
  const i = process.argv.findIndex((a) => a === "--rows" || a.startsWith("--rows="));
  const raw = i < 0 ? undefined : process.argv[i]!.includes("=") ? process.argv[i]!.split("=")[1] : process.argv[i + 1];
  const rows = raw === undefined ? (kind === "postgres" ? 1_000_000 : 50_000) : Number(raw);
  if (!Number.isInteger(rows) || rows < 100) throw new Error("--rows must be a whole number >= 100");
  return rows;
}

const HEADER = "name,category,city,email,value,score,revenue,opened,lat,lng";

function* csvLines(rows: number): Generator<string> {
  yield `${HEADER}\n`;
  let chunk = "";
  for (let i = 0; i < rows; i++) {
    const day = String((i % 28) + 1).padStart(2, "0");
    chunk += `Name ${i},${"abcd"[i % 4]},City ${i % 1000},user${i}@example.com,${i},${(i % 100) / 10},${(i % 10000) / 100},2024-03-${day},${((i % 17000) / 100 - 85).toFixed(4)},${((i % 35000) / 100 - 175).toFixed(4)}\n`;
    if (i % 1000 === 999) {
      yield chunk;
      chunk = "";
    }
  }
  if (chunk) yield chunk;
}

export async function importBench(context: BenchContext): Promise<void> {
  const rows = rowsArg(context.database.kind);
  const dir = await mkdtemp(join(tmpdir(), "fos-import-bench-"));
  const file = join(dir, "data.csv");
  await pipeline(Readable.from(csvLines(rows)), createWriteStream(file));
  const config = loadConfig({ ...process.env, DATA_DIR: dir, LOG_LEVEL: "silent", IMPORT_MAX_BYTES: String(2 * 1024 * 1024 * 1024) });
  const services = await openServices(config, { database: context.database, logger: createJsonLogger("silent") });
  try {
    const db = context.database.db;
    const owner = newId();
    await db.insertInto("users").values({ id: owner, email: `bench-${owner}@example.test`, full_name: "Bench", is_active: true }).execute();
    const id = newId();
    const ws = { id, schemaName: await createTenantSchema(db, id) };
    await db.insertInto("workspaces").values({ id, name: "Import bench", slug: `bench-import-${id}`, schema_name: ws.schemaName, owner_id: owner }).execute();
    await db.insertInto("workspace_members").values({ workspace_id: id, user_id: owner, role: "owner" }).execute();
    const actor: Actor = { kind: "user", userId: owner, sessionId: "bench", isStaff: false, isSuperuser: false, workspace: { ...ws, role: "owner" } };
    const recordset = await createRecordset(services, actor, {
      name: "Imported",
      fields: [
        { key: "name", name: "Name", type: "text" },
        { key: "category", name: "Category", type: "text" },
        { key: "city", name: "City", type: "text" },
        { key: "email", name: "Email", type: "email" },
        { key: "value", name: "Value", type: "number" },
        { key: "score", name: "Score", type: "number" },
        { key: "revenue", name: "Revenue", type: "number" },
        { key: "opened", name: "Opened", type: "date" },
        { key: "location", name: "Location", type: "lat_lng" },
      ],
    });
    const key = `workspaces/${id}/imports/${newId()}/data.csv`;
    const size = (await stat(file)).size;
    await services.storage.put(key, Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>);

    const rss = peakRss();
    const started = performance.now();
    const jobId = newId();
    const summary = await runImport(services, {
      jobId, ws, recordset, userId: owner, fileKey: key, format: "csv", mappings: { name: "name", category: "category", city: "city", email: "email", value: "value", score: "score", revenue: "revenue", opened: "opened", lat: "location.lat", lng: "location.lng" },
      reportKey: `workspaces/${id}/imports/${jobId}/errors.csv`, maxBytes: config.IMPORT_MAX_BYTES,
    });
    const importMs = performance.now() - started;
    const peak = rss.stop();
    if (summary.imported !== rows) throw new Error(`imported ${summary.imported} of ${rows} rows (rejected ${summary.rejected})`);

    // Baseline: the same CSV, raw COPY into a plain 10-column table (jsonb + geometry included).
    let baselineMs = Number.NaN;
    let equivalentMs = Number.NaN;
    if (context.database.postgres) {
      const pg = context.database.postgres;
      await pg.unsafe(`create temp table import_baseline (name text, category text, city text, email text, value float8, score float8, revenue float8, opened date, lat float8, lng float8)`);
      await pg.unsafe(`create table if not exists public.import_baseline_final (id serial, name text, category text, city text, email text, value float8, score float8, revenue float8, opened date, attrs jsonb, geom geometry(Point, 4326))`);
      await pg.unsafe(`truncate public.import_baseline_final`);
      const t0 = performance.now();
      await pg.begin(async (tx) => {
        await tx.unsafe(`create temp table b (name text, category text, city text, email text, value float8, score float8, revenue float8, opened date, lat float8, lng float8) on commit drop`);
        const writable = await tx`copy b from stdin with (format csv, header true)`.writable();
        await pipeline(createReadStream(file), writable);
        await tx.unsafe(`insert into public.import_baseline_final (name, category, city, email, value, score, revenue, opened, attrs, geom)
          select name, category, city, email, value, score, revenue, opened, jsonb_build_object('name', name, 'city', city, 'email', email), st_setsrid(st_makepoint(lng, lat), 4326) from b`);
      });
      baselineMs = performance.now() - t0;
      await pg.unsafe(`drop table public.import_baseline_final`);

      // Second baseline: the same COPY into a table shaped like `records` (LIKE ... INCLUDING
      // ALL: its indexes, generated search column and checks), title, promoted columns and
      // geometry computed in SQL as the writer does; no parsing, validation or versions.
      const schema = ws.schemaName;
      await pg.unsafe(`create table "${schema}".import_equivalent (like "${schema}".records including all)`);
      const derived = derivedAssignments(recordset);
      const columns = Object.keys(derived);
      const select = sql`select id, ${recordset.id}::uuid, field_values, ${sql.join(columns.map((c) => derived[c]!))}
        from (select gen_random_uuid() as id, jsonb_build_object('name', name, 'category', category, 'city', city, 'email', email, 'value', value,
          'score', score, 'revenue', revenue, 'opened', to_char(opened, 'YYYY-MM-DD'), 'location', jsonb_build_object('lat', lat, 'lng', lng)) as field_values from b) s`.compile(db);
      const t1 = performance.now();
      await pg.begin(async (tx) => {
        await tx.unsafe(`set local search_path = "${schema}", ${context.database.extensionSchema}, public`);
        await tx.unsafe(`create temp table b (name text, category text, city text, email text, value float8, score float8, revenue float8, opened date, lat float8, lng float8) on commit drop`);
        const writable = await tx`copy b from stdin with (format csv, header true)`.writable();
        await pipeline(createReadStream(file), writable);
        await tx.unsafe(`insert into import_equivalent (id, recordset_id, field_values, ${columns.join(", ")}) ${select.sql}`, select.parameters as never[]);
      });
      equivalentMs = performance.now() - t1;
      await pg.unsafe(`drop table "${schema}".import_equivalent`);
    }
    const perSecond = (rows / importMs) * 1000;
    const basePerSecond = (rows / baselineMs) * 1000;
    printTable(`import: ${rows.toLocaleString("en")} CSV rows (${(size / 1024 / 1024).toFixed(1)} MB), 10 columns incl. lat/lng`, [
      { metric: "rows/s", subject: Math.round(perSecond).toLocaleString("en"), baseline: Number.isFinite(basePerSecond) ? `${Math.round(basePerSecond).toLocaleString("en")} (raw COPY)` : "n/a (PGlite: no COPY)", ratio: Number.isFinite(basePerSecond) ? `${(basePerSecond / perSecond).toFixed(2)}x slower` : "-" },
      {
        metric: "rows/s vs a records-shaped table",
        subject: Math.round(perSecond).toLocaleString("en"),
        baseline: Number.isFinite(equivalentMs) ? `${Math.round((rows / equivalentMs) * 1000).toLocaleString("en")} (raw COPY + derived columns into LIKE records INCLUDING ALL)` : "n/a",
        ratio: Number.isFinite(equivalentMs) ? `${(importMs / equivalentMs).toFixed(2)}x slower` : "-",
      },
      { metric: "peak RSS (MB)", subject: String(peak), baseline: "target < 400", ratio: peak < 400 ? "ok" : "over" },
    ]);
  } finally {
    await services.close().catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  }
}
