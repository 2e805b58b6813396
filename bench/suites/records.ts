import { sql, type RawBuilder } from "kysely";
import { createJsonLogger } from "../../adapters/logging/json-logger.ts";
import { derivedAssignments } from "../../adapters/postgres/records/derived-columns-sql.ts";
import { tenantDatabase, type TenantHandle } from "../../adapters/postgres/tenant-database.ts";
import { loadConfig } from "../../app/config/load-config.ts";
import { openServices } from "../../app/composition/open-services.ts";
import type { Services } from "../../app/composition/services.ts";
import { createApp } from "../../app/create-app.ts";
import type { Actor } from "../../core/auth/actor.ts";
import { startSession } from "../../core/auth/sessions.ts";
import { createRecordset } from "../../core/recordsets/create-recordset.ts";
import type { FieldInput } from "../../core/recordsets/field-schema.ts";
import type { RecordsetRecord } from "../../core/recordsets/recordset-repository.ts";
import type { BenchContext } from "../main.ts";
import { benchWorkspace } from "../support/bench-workspace.ts";
import { fmt, latencies, peakRss, printTable, throughput } from "../support/measure.ts";

/**
 * The records store at scale (issue 4), each figure beside raw SQL on the same data in the
 * same run:
 * - list: GET /api/v1/records (in-process `app.request`, auth and all) with a numeric filter and
 *   a sort on another number, page of 50, p50/p95 over 200 requests; baseline = the same page
 *   and count as two hand-written SQL statements.
 * - map: GET /api/v1/records/map over a bbox holding ~10% of the points (~100k of 1M), body read
 *   to the end; features/s and the process's peak RSS; baseline = a raw cursor over an
 *   equivalent query building the same JSON lines the fastest way we know (string
 *   concatenation of the point's coordinates, as the route does for points).
 * - spatial: POST /api/v1/records/spatial-filter, within_distance 150 m of 1,000 source points;
 *   baseline = a hand-written `ST_DWithin` join (degree index test + geography recheck).
 *
 * Seeding: N points (default 1,000,000 on Postgres, 100,000 on PGlite; `--rows N`) on a
 * 1,000-wide grid (0.001 degree steps from 2E 48N), 10 fields, inserted by one
 * INSERT ... SELECT per 100k rows from generate_series with the title, promoted columns and
 * geometry computed in SQL (adapters/postgres/records/derived-columns-sql.ts), as a bulk
 * import does. The seeded workspace is kept and reused by later runs of the same size
 * (slug `bench-records-<N>`); drop its schema to reseed.
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
  { name: "Active", type: "boolean" },
  { name: "Location", type: "lat_lng" },
];

const GRID = 1_000;
const STEP = 0.001;
const ORIGIN = { lng: 2, lat: 48 };
const BATCH = 100_000;

type Seeded = { ws: { id: string; schemaName: string }; actor: Actor; token: string; places: RecordsetRecord; sources: RecordsetRecord; reused: boolean };

function rowsArg(kind: string): number {
  const i = process.argv.findIndex((a) => a === "--rows" || a.startsWith("--rows="));
  const raw = i < 0 ? undefined : process.argv[i]!.includes("=") ? process.argv[i]!.split("=")[1] : process.argv[i + 1];
  const rows = raw === undefined ? (kind === "postgres" ? 1_000_000 : 100_000) : Number(raw);
  if (!Number.isInteger(rows) || rows < 1_000) throw new Error("--rows must be a whole number >= 1000");
  return rows;
}

/** field_values of point i: the grid position and deterministic pseudo-random values. */
function fieldValuesSql(i: RawBuilder<number>, lngLat: { lng: RawBuilder<number>; lat: RawBuilder<number> }): RawBuilder<unknown> {
  return sql`jsonb_build_object(
    'name', 'Place ' || ${i}, 'category', (array['a','b','c','d'])[(1 + ${i} % 4)::int], 'city', 'City ' || (${i} % 97),
    'email', 'p' || ${i} || '@example.test', 'value', (${i} * 7919) % 1000, 'score', ((${i} * 104729) % 100000) / 100.0,
    'revenue', (${i} % 5000) * 10, 'opened', to_char(date '2020-01-01' + (${i} % 1500)::int, 'YYYY-MM-DD'), 'active', ${i} % 3 = 0,
    'location', jsonb_build_object('lat', ${lngLat.lat}, 'lng', ${lngLat.lng}))`;
}

async function insertPoints(tenant: TenantHandle, recordset: RecordsetRecord, from: number, to: number, point: (i: RawBuilder<number>) => { lng: RawBuilder<number>; lat: RawBuilder<number> }, createdBy: string): Promise<void> {
  const derived = derivedAssignments(recordset);
  const columns = Object.keys(derived);
  const i = sql<number>`i::bigint`;
  // UUIDv7 layout (48-bit ms timestamp, version 7, variant 8) with a per-row suffix: ids keep
  // the time order newId() gives, as rows from a real import would.
  const id = sql`(lpad(to_hex((extract(epoch from clock_timestamp()) * 1000)::bigint), 12, '0') || '7' || substr(md5(${i}::text), 1, 3) || '8' || substr(md5(${i}::text || 'x'), 1, 15))::uuid`;
  await tenant.transaction(async (trx) => {
    await sql`
      insert into records (id, recordset_id, field_values, created_by, ${sql.join(columns.map((c) => sql.id(c)))})
      select id, ${recordset.id}::uuid, field_values, ${createdBy}::uuid, ${sql.join(columns.map((c) => derived[c]!))}
      from (select ${id} as id, ${fieldValuesSql(i, point(i))} as field_values from generate_series(${from}::int, ${to - 1}::int) as i) src`.execute(trx);
  });
}

async function seed(services: Services, rows: number): Promise<Seeded> {
  const db = services.database.db;
  const { ws, owner, actor } = await benchWorkspace(services, `bench-records-${rows}`, "Records bench");
  const sessions = { refreshTokens: services.refreshTokens, now: services.now, jwtSecret: services.secrets.jwt, accessTokenTtlSeconds: 3_600, refreshTokenTtlDays: 1 };
  const token = (await startSession(sessions, owner)).access_token;
  const tenant = tenantDatabase(services.database, ws.schemaName);

  const find = (s: string) => services.recordsets.findBySlug(ws, s);
  let places = await find("places");
  let sources = await find("sources");
  const count = places ? (await tenant.transaction((trx) => sql<{ n: number }>`select count(*)::int as n from records where recordset_id = ${places!.id}::uuid`.execute(trx))).rows[0]!.n : 0;
  if (places && sources && count === rows) return { ws, actor, token, places, sources, reused: true };
  if (places || sources) {
    // An interrupted seed: start the data over (records go with their recordsets).
    await tenant.transaction((trx) => sql`delete from recordsets where slug in ('places', 'sources')`.execute(trx));
  }

  places = await createRecordset(services, actor, { name: "Places", slug: "places", fields: FIELDS });
  sources = await createRecordset(services, actor, { name: "Sources", slug: "sources", fields: FIELDS });
  const grid = (i: RawBuilder<number>) => ({ lng: sql<number>`(${ORIGIN.lng}::float8 + (${i} % ${GRID}) * ${STEP}::float8)`, lat: sql<number>`(${ORIGIN.lat}::float8 + (${i} / ${GRID}) * ${STEP}::float8)` });
  const started = performance.now();
  for (let from = 0; from < rows; from += BATCH) {
    await insertPoints(tenant, places, from, Math.min(rows, from + BATCH), grid, owner);
    process.stdout.write(`\rseeded ${fmt(Math.min(rows, from + BATCH), 0)} / ${fmt(rows, 0)} points (${fmt((performance.now() - started) / 1000)} s)`);
  }
  // 1,000 sources scattered (deterministically) over the grid's extent.
  const extentLat = (Math.ceil(rows / GRID) - 1) * STEP;
  const scatter = (i: RawBuilder<number>) => ({
    lng: sql<number>`(${ORIGIN.lng}::float8 + ((${i}::bigint * 7919) % 1000) / 1000.0 * ${(GRID - 1) * STEP}::float8)`,
    lat: sql<number>`(${ORIGIN.lat}::float8 + ((${i}::bigint * 104729) % 1000) / 1000.0 * ${extentLat}::float8)`,
  });
  await insertPoints(tenant, sources, 0, 1_000, scatter, owner);
  await tenant.transaction(async (trx) => {
    await sql`update recordsets set record_count = (select count(*) from records r where r.recordset_id = recordsets.id and r.deleted_at is null)`.execute(trx);
  });
  // As autovacuum would soon after an import: statistics, and the visibility map index-only counts need.
  await sql`vacuum analyze ${sql.id(ws.schemaName, "records")}`.execute(db);
  console.log(`\nseeded in ${fmt((performance.now() - started) / 1000)} s`);
  return { ws, actor, token, places, sources, reused: false };
}

const column = (recordset: RecordsetRecord, kind: "number", key: string) => `promoted_${kind}_${recordset.promoted[kind].indexOf(key) + 1}`;

export async function recordsBench({ database }: BenchContext): Promise<void> {
  const rows = rowsArg(database.kind);
  const config = loadConfig({ ...process.env, LOG_LEVEL: "silent", RATE_LIMIT_PER_MINUTE: "0", RUN_WORKER: "false", DATA_DIR: process.env.DATA_DIR ?? "./.data" });
  const services = await openServices(config, { database, migrate: false, logger: createJsonLogger("silent") });
  try {
    const seeded = await seed(services, rows);
    if (seeded.reused) console.log(`reusing the seeded workspace bench-records-${rows} (${fmt(rows, 0)} points)`);
    const app = createApp(services);
    const headers = { authorization: `Bearer ${seeded.token}`, "x-workspace-id": seeded.ws.id };
    const tenant = tenantDatabase(database, seeded.ws.schemaName);
    const list = await listBench(app, headers, tenant, seeded);
    const map = await mapBench(app, headers, tenant, seeded, rows);
    const spatial = await spatialBench(app, headers, tenant, seeded);
    printTable(`records (${database.kind}, ${fmt(rows, 0)} points, 10 fields)`, [
      { metric: "list p50 (numeric filter + numeric sort, page 50, with count)", subject: `${fmt(list.route.p50)} ms`, baseline: `${fmt(list.raw.p50)} ms (raw SQL page + count capped at 10,001)`, ratio: `${fmt(list.route.p50 / list.raw.p50, 2)}x` },
      { metric: "list p95 (target < 50 ms, < 1.5x)", subject: `${fmt(list.route.p95)} ms`, baseline: `${fmt(list.raw.p95)} ms`, ratio: `${fmt(list.route.p95 / list.raw.p95, 2)}x` },
      { metric: "  naive SQL: exact count, nulls-last sort (p50 of 10)", subject: "", baseline: `${fmt(list.naive.p50)} ms`, ratio: "" },
      { metric: `map stream, bbox of ${fmt(map.features, 0)} features (target >= 150k/s, < 1.5x)`, subject: `${fmt(map.route.perSecond, 0)} /s`, baseline: `${fmt(map.raw.perSecond, 0)} /s (raw cursor, same JSON)`, ratio: `${fmt(map.raw.perSecond / map.route.perSecond, 2)}x slower` },
      { metric: "map stream peak RSS (target < 300 MB)", subject: `${fmt(map.routeRss)} MB`, baseline: `${fmt(map.rawRss)} MB (raw cursor)`, ratio: `process at rest: ${fmt(map.idleRss)} MB` },
      { metric: `spatial within_distance 150 m of 1,000 points (${fmt(spatial.matches, 0)} ids), mean of 5`, subject: `${fmt(spatial.route.mean)} ms`, baseline: `${fmt(spatial.raw.mean)} ms (raw ST_DWithin join)`, ratio: `${fmt(spatial.route.mean / spatial.raw.mean, 2)}x` },
    ]);
  } finally {
    await services.close();
  }
}

type App = ReturnType<typeof createApp>;

async function listBench(app: App, headers: Record<string, string>, tenant: TenantHandle, s: Seeded) {
  const value = column(s.places, "number", "value");
  const score = column(s.places, "number", "score");
  const threshold = (i: number) => 100 + (i % 10) * 50;
  const query = (i: number) =>
    new URLSearchParams({ recordset_id: s.places.id, numeric_filters: JSON.stringify({ value: { gte: threshold(i) } }), sort_by: "score", sort_order: "desc", page: String(1 + (i % 5)), page_size: "50" });
  const check = await app.request(`/api/v1/records?${query(0)}`, { headers });
  if (check.status !== 200) throw new Error(`list answered ${check.status}: ${await check.text()}`);
  await latencies(20, (i) => Promise.resolve(app.request(`/api/v1/records?${query(i)}`, { headers })).then((r) => r.arrayBuffer()));
  const route = await latencies(200, (i) => Promise.resolve(app.request(`/api/v1/records?${query(i)}`, { headers })).then((r) => r.arrayBuffer()));
  // Baseline: the same page and count as a DBA would write them for this data (every value
  // present): the sort the index serves, the count capped where the API caps it.
  const rawQuery = (i: number, naive = false) =>
    tenant.transaction(async (trx) => {
      const where = sql`recordset_id = ${s.places.id}::uuid and deleted_at is null and ${sql.ref(value)} >= ${threshold(i)}`;
      const page = await sql`select id, recordset_id, field_values, title, status, tags, tool_statuses, group_id, version, st_asgeojson(promoted_gis_1, 7) as geometry,
          created_by, updated_by, created_at, updated_at, deleted_at
        from records where ${where} order by ${sql.ref(score)} desc ${naive ? sql`nulls last` : sql``}, id desc limit 50 offset ${(i % 5) * 50}`.execute(trx);
      const count = naive
        ? await sql`select count(*)::int as n from records where ${where}`.execute(trx)
        : await sql`select count(*)::int as n from (select 1 from records where ${where} limit 10001) c`.execute(trx);
      return [page.rows.length, count.rows];
    });
  await latencies(20, (i) => rawQuery(i));
  const raw = await latencies(200, (i) => rawQuery(i));
  // For scale: the plain-SQL page with "nulls last" and an exact count (what the adapter did before).
  const naive = await latencies(10, (i) => rawQuery(i, true));
  return { route, raw, naive };
}

async function mapBench(app: App, headers: Record<string, string>, tenant: TenantHandle, s: Seeded, rows: number) {
  // A box holding ~10% of the points: a square on the full grid, full height on a short one.
  const filledRows = Math.floor(rows / GRID);
  const height = Math.min(filledRows, Math.round(Math.sqrt(rows / 10)));
  const width = Math.min(GRID, Math.round(rows / 10 / height));
  const half = STEP / 2;
  const bbox = [ORIGIN.lng - half, ORIGIN.lat - half, ORIGIN.lng + (width - 1) * STEP + half, ORIGIN.lat + (height - 1) * STEP + half];
  const drain = async (body: ReadableStream<Uint8Array>): Promise<number> => {
    let lines = 0;
    const reader = body.getReader();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return lines;
      for (let i = value.indexOf(10); i >= 0; i = value.indexOf(10, i + 1)) lines++;
    }
  };
  const url = `/api/v1/records/map?${new URLSearchParams({ recordset_id: s.places.id, bbox: bbox.map((n) => n.toFixed(6)).join(","), fields: "name,value" })}`;
  let features = 0;
  await drain((await app.request(url, { headers })).body!); // warm-up (plans, caches)
  const idleRss = Math.round(process.memoryUsage().rss / 1024 / 1024);
  const rss = peakRss();
  const route = await throughput(1, async () => {
    const res = await app.request(url, { headers });
    if (res.status !== 200) throw new Error(`map answered ${res.status}: ${await res.text()}`);
    features = (await drain(res.body!)) - 1;
  });
  const routeRss = rss.stop();
  route.perSecond = (features / route.ms) * 1000;

  // Baseline: the same features as JSON lines straight from a cursor, no app, no HTTP.
  const g = sql.ref("promoted_gis_1");
  const rawRssMeter = peakRss();
  let rawFeatures = 0;
  const raw = await throughput(1, async () => {
    const cursor = tenant.streamChunks(
      () => sql<{ line: string }>`
        select '{"id":"' || id::text || '","title":' || coalesce(to_json(title)::text, 'null')
          || ',"geometry":{"type":"Point","coordinates":[' || st_x(${g})::text || ',' || st_y(${g})::text
          || ']},"geometry_type":"Point","fields":' || json_build_object('name', field_values -> 'name', 'value', field_values -> 'value')::text
          || ',"lat":' || st_y(${g})::text || ',"lng":' || st_x(${g})::text || '}' as line
        from records where recordset_id = ${s.places.id}::uuid and deleted_at is null
          and ${g} && st_makeenvelope(${bbox[0]}::float8, ${bbox[1]}::float8, ${bbox[2]}::float8, ${bbox[3]}::float8, 4326)`,
      { chunkSize: 1000 },
    );
    let batch = "";
    for await (const rows of cursor) {
      batch += rows.map((row) => row.line).join("\n") + "\n";
      rawFeatures += rows.length;
      if (batch.length >= 65_536) batch = "";
    }
  });
  const rawRss = rawRssMeter.stop();
  raw.perSecond = (rawFeatures / raw.ms) * 1000;
  if (rawFeatures !== features) console.warn(`note: the route streamed ${features} features, the baseline ${rawFeatures}`);
  return { features, route, raw, routeRss, rawRss, idleRss };
}

async function spatialBench(app: App, headers: Record<string, string>, tenant: TenantHandle, s: Seeded) {
  const meters = 150;
  const body = JSON.stringify({ source_recordset_id: s.sources.id, target_recordset_id: s.places.id, operation: "within_distance", buffer_meters: meters });
  let matches = 0;
  const call = async () => {
    const res = await app.request("/api/v1/records/spatial-filter", { method: "POST", headers: { ...headers, "content-type": "application/json" }, body });
    if (res.status !== 200) throw new Error(`spatial-filter answered ${res.status}: ${await res.text()}`);
    matches = ((await res.json()) as { count: number }).count;
  };
  await call();
  const route = await latencies(5, call);
  // What one would write by hand: a degree-radius ST_DWithin the GiST index answers (1 degree
  // of longitude at the grid's northern edge is the shortest), then the exact geography test.
  const maxLat = ORIGIN.lat + 1;
  const degrees = meters / (111_320 * Math.cos((maxLat * Math.PI) / 180));
  const rawQuery = () =>
    tenant.transaction((trx) =>
      sql`select distinct t.id from records s join records t
          on st_dwithin(t.promoted_gis_1, s.promoted_gis_1, ${degrees}::float8) and st_dwithin(t.promoted_gis_1::geography, s.promoted_gis_1::geography, ${meters}::float8)
          and t.recordset_id = ${s.places.id}::uuid and t.deleted_at is null
        where s.recordset_id = ${s.sources.id}::uuid and s.deleted_at is null
        order by t.id limit 10001`.execute(trx),
    );
  await rawQuery();
  const raw = await latencies(5, rawQuery);
  return { route, raw, matches };
}
