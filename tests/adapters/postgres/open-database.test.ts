import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../../app/config/load-config.ts";
import { createJsonLogger } from "../../../adapters/logging/json-logger.ts";
import { newId } from "../../../core/ids.ts";
import { createTenantSchema, dropTenantSchema, migratePlatform } from "../../../adapters/postgres/migrator.ts";
import { tenantDatabase } from "../../../adapters/postgres/tenant-database.ts";
import { platformMigrations } from "../../../adapters/postgres/migrations/platform/index.ts";
import { openDatabase, type DatabaseHandle } from "../../../adapters/postgres/open-database.ts";
import { runMigrations } from "../../../adapters/postgres/run-migrations.ts";
import { ensurePGliteTemplate } from "../../support/test-database.ts";

const url = process.env.DATABASE_URL;

describe("openDatabase", () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  });

  it("opens an in-memory PGlite", async () => {
    const handle = await openDatabase({ dataDir: "unused", memory: true });
    cleanups.push(() => handle.close());
    expect(handle.kind).toBe("pglite");
    await handle.ping();
    const { rows } = await sql<{ v: string }>`select current_setting('server_version_num') as v`.execute(handle.db);
    expect(Number(rows[0]?.v)).toBeGreaterThanOrEqual(150000);
  });

  it("db:migrate migrates a PGlite data dir and reports progress", async () => {
    const dir = await mkdtemp(join(tmpdir(), "fos-migrate-cli-"));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    await cp(join(await ensurePGliteTemplate(), "pglite"), join(dir, "pglite"), { recursive: true });
    const lines: string[] = [];
    const logger = createJsonLogger("info", {}, (line) => lines.push(line));
    const code = await runMigrations(loadConfig({ DATA_DIR: dir }), logger);
    expect(code).toBe(0);
    const messages = lines.map((l) => JSON.parse(l) as { msg: string });
    expect(messages.map((m) => m.msg)).toEqual(
      expect.arrayContaining(["database opened", "platform schema migrated", "tenant schemas migrated"]),
    );
  });

  it("db:migrate exits 1 when the database cannot be reached", async () => {
    const lines: string[] = [];
    const logger = createJsonLogger("info", {}, (line) => lines.push(line));
    const config = loadConfig({ DATABASE_URL: "postgres://nobody@127.0.0.1:1/none" });
    await expect(runMigrations(config, logger)).resolves.toBe(1);
  });

  it.skipIf(!url)("lets two processes migrate a fresh Postgres database at once", async () => {
    const name = `fos_test_migrate_${process.pid}_${Date.now()}`;
    const admin = await openDatabase({ url: url!, dataDir: "", poolMax: 1 });
    cleanups.push(() => admin.close());
    await sql`create database ${sql.id(name)}`.execute(admin.db);
    cleanups.push(() => sql`drop database if exists ${sql.id(name)} with (force)`.execute(admin.db).then(() => undefined));

    const target = new URL(url!);
    target.pathname = `/${name}`;
    const handles: DatabaseHandle[] = await Promise.all([1, 2].map(() => openDatabase({ url: target.href, dataDir: "", poolMax: 1 })));
    cleanups.push(async () => {
      for (const h of handles) await h.close();
    });
    const runs = await Promise.all(handles.map((h) => migratePlatform(h.db)));
    const all = platformMigrations.map((m) => m.name);
    expect(runs.map((r) => r.applied).sort((a, b) => b.length - a.length)).toEqual([all, []]);
    const { rows } = await sql<{ schema: string }>`
      select n.nspname as schema from pg_extension e join pg_namespace n on n.oid = e.extnamespace where extname = 'postgis'`.execute(
      handles[0]!.db,
    );
    expect(rows).toEqual([{ schema: "extensions" }]);
  });

  it.skipIf(!url)("keeps PostGIS where it already is and tenants still reach it", async () => {
    const name = `fos_test_public_postgis_${process.pid}_${Date.now()}`;
    const admin = await openDatabase({ url: url!, dataDir: "", poolMax: 1 });
    cleanups.push(() => admin.close());
    await sql`create database ${sql.id(name)}`.execute(admin.db);
    cleanups.push(() => sql`drop database if exists ${sql.id(name)} with (force)`.execute(admin.db).then(() => undefined));
    const target = new URL(url!);
    target.pathname = `/${name}`;

    const setup = await openDatabase({ url: target.href, dataDir: "", poolMax: 1 });
    await sql`create extension postgis schema public`.execute(setup.db);
    await setup.close();

    const handle = await openDatabase({ url: target.href, dataDir: "", poolMax: 2 });
    cleanups.push(() => handle.close());
    expect(handle.extensionSchema).toBe("public");
    await migratePlatform(handle.db);
    const schema = await createTenantSchema(handle.db, newId());
    const tenant = tenantDatabase(handle, schema);
    const { rows } = await tenant.transaction((trx) => sql<{ wkt: string }>`select ST_AsText(ST_MakePoint(1, 2)) as wkt`.execute(trx));
    expect(rows).toEqual([{ wkt: "POINT(1 2)" }]);
    await expect(tenant.transaction((trx) => sql`select * from users`.execute(trx))).rejects.toThrow(/permission denied for table users/);
    await dropTenantSchema(handle.db, schema);
  });
});

describe("embedded data folder lock", () => {
  it("refuses a data folder a live process holds, and takes over a stale lock", async () => {
    const { mkdtemp, writeFile, readFile, mkdir } = await import("node:fs/promises");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const { lockDataDir, DataDirInUse } = await import("../../../adapters/postgres/data-dir-lock.ts");
    const dir = await mkdtemp(join(tmpdir(), "fos-lock-"));
    const release = await lockDataDir(dir);
    await expect(lockDataDir(dir)).rejects.toBeInstanceOf(DataDirInUse);
    await release();
    await mkdir(dir, { recursive: true });
    // pid 2^22+1 is above Linux's pid_max: never a live process.
    await writeFile(join(dir, "fos.lock"), String(4_194_305));
    const again = await lockDataDir(dir);
    expect(await readFile(join(dir, "fos.lock"), "utf8")).toBe(String(process.pid));
    await again();
  });
});
