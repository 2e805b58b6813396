import { constants } from "node:fs";
import { createHash } from "node:crypto";
import { cp, mkdir, mkdtemp, readdir, readFile, rename, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { migrateAllTenants, migratePlatform } from "../../adapters/postgres/migrator.ts";
import { platformMigrations } from "../../adapters/postgres/migrations/platform/index.ts";
import { tenantMigrations } from "../../adapters/postgres/migrations/tenant/index.ts";
import { openDatabase, type DatabaseHandle } from "../../adapters/postgres/open-database.ts";

/*
 * Test databases. Without DATABASE_URL each call gets its own PGlite, copied from a migrated
 * template data dir: creating PGlite with PostGIS and installing the extension costs ~11 s,
 * copying the template and opening the copy ~2 s. The template is built once (by the vitest
 * global setup) under `.data/test-template-<hash>`, where the hash covers the migration names
 * and sources and the PGlite version, so later runs reuse it until a migration changes.
 * With DATABASE_URL every call connects to that database, migrated once by the global setup;
 * tests sharing it must create their own rows (new ids) and tenant schemas.
 */

export type TestBackend = "pglite" | "postgres";

const root = fileURLToPath(new URL("../../", import.meta.url));
const migrationsDir = join(root, "adapters/postgres/migrations");
const tempDirs = new WeakMap<DatabaseHandle, string>();

/** The backends the database adapter tests run on: PGlite always, Postgres when DATABASE_URL is set. */
export function testBackends(): TestBackend[] {
  return process.env.DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
}

/**
 * A migrated database for one test file: Postgres when DATABASE_URL is set, else a private
 * PGlite copy of the template. Close it with {@link closeTestDatabase}.
 */
export async function openTestDatabase(
  backend: TestBackend = process.env.DATABASE_URL ? "postgres" : "pglite",
): Promise<DatabaseHandle> {
  if (backend === "postgres") {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set");
    return openDatabase({ url, dataDir: "", poolMax: 4 });
  }
  const template = await ensurePGliteTemplate();
  const dir = await mkdtemp(join(tmpdir(), "fos-test-db-"));
  // Copy-on-write where the filesystem can; a plain copy (~1 s for ~60 MB) elsewhere.
  await cp(join(template, "pglite"), join(dir, "pglite"), { recursive: true, mode: constants.COPYFILE_FICLONE });
  const handle = await openDatabase({ dataDir: dir });
  tempDirs.set(handle, dir);
  return handle;
}

/** Closes a handle from {@link openTestDatabase} and deletes its PGlite copy. */
export async function closeTestDatabase(handle: DatabaseHandle | undefined): Promise<void> {
  if (!handle) return;
  await handle.close();
  const dir = tempDirs.get(handle);
  if (dir) await rm(dir, { recursive: true, force: true });
}

/**
 * The migrated PGlite template's directory, building it if needed. Safe when several
 * processes race: each builds into its own directory and the first rename wins.
 */
export async function ensurePGliteTemplate(): Promise<string> {
  const dataRoot = join(root, ".data");
  const dir = join(dataRoot, `test-template-${await templateHash()}`);
  if (await exists(join(dir, "pglite", "PG_VERSION"))) return dir;

  await mkdir(dataRoot, { recursive: true });
  const building = await mkdtemp(join(dataRoot, "test-template-building-"));
  try {
    const handle = await openDatabase({ dataDir: building });
    try {
      await migratePlatform(handle.db);
      await migrateAllTenants(handle.db);
    } finally {
      await handle.close();
    }
    await rename(building, dir);
  } catch (error) {
    await rm(building, { recursive: true, force: true });
    if (await exists(join(dir, "pglite", "PG_VERSION"))) return dir; // another process won the race
    throw error;
  }
  await removeStaleTemplates(dataRoot, dir);
  return dir;
}

async function templateHash(): Promise<string> {
  const hash = createHash("sha256");
  const names = [...platformMigrations, ...tenantMigrations].map((m) => m.name);
  hash.update(names.join("\n"));
  for (const file of (await listFiles(migrationsDir)).sort()) hash.update(file).update(await readFile(file));
  const pglite = JSON.parse(await readFile(join(root, "node_modules/@electric-sql/pglite/package.json"), "utf8")) as {
    version: string;
  };
  hash.update(pglite.version);
  return hash.digest("hex").slice(0, 16);
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) => (e.isDirectory() ? listFiles(join(dir, e.name)) : Promise.resolve([join(dir, e.name)]))),
  );
  return nested.flat();
}

/** Templates of older migration sets, left for an hour in case another run still copies them. */
async function removeStaleTemplates(dataRoot: string, keep: string): Promise<void> {
  const hourAgo = Date.now() - 60 * 60 * 1000;
  for (const name of await readdir(dataRoot)) {
    const path = join(dataRoot, name);
    if (!name.startsWith("test-template-") || path === keep) continue;
    const info = await stat(path).catch(() => null);
    if (info && info.mtimeMs < hourAgo) await rm(path, { recursive: true, force: true });
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
