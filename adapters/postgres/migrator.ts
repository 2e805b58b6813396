import { sql, type Kysely, type Transaction } from "kysely";
import type { Migration } from "./migrations/migration.ts";
import { platformMigrations } from "./migrations/platform/index.ts";
import { tenantMigrations } from "./migrations/tenant/index.ts";
import { DEFAULT_EXTENSION_SCHEMA, findPostgisSchema, searchPath } from "./postgis-schema.ts";
import { assertTenantSchemaName, tenantRoleName, tenantSchemaName } from "./tenant-names.ts";

/*
 * A small migrator rather than Kysely's: each schema (public, every tenant) records its own
 * applied migrations in `<schema>.schema_migrations`, tenant migrations need `search_path` and
 * `withSchema` set to their schema, and grants must be re-applied after each run.
 *
 * Every run is one transaction (Postgres DDL is transactional: a failed run leaves nothing
 * behind) that first takes `pg_advisory_xact_lock(namespace, hashtext(schema))`, so two
 * processes migrating the same schema at once run one after the other, and the second finds
 * nothing to do. On PGlite the transaction already holds the only session.
 *
 * Tenant roles: the database user needs CREATEROLE (or superuser) to create each tenant's
 * NOLOGIN role and grant itself membership, which `SET ROLE` requires.
 */

type AnyDb = Kysely<any>;
type AnyTrx = Transaction<any>;

/** First key of our advisory locks ("FOS\x01"), so they do not collide with other software. */
const LOCK_NAMESPACE = 0x464f5301;

/** Names of the migrations a run applied (empty when the schema was current). */
export interface MigrationRun {
  readonly schemaName: string;
  readonly applied: string[];
}

/** Where a tenant schema stands against the code's tenant migrations. */
export interface TenantSchemaStatus {
  /** Last applied migration, null when the schema or its bookkeeping is missing. */
  readonly current: string | null;
  readonly latest: string;
  readonly behind: boolean;
}

/** Progress of {@link migrateAllTenants}, reported after each schema. */
export interface TenantMigrationProgress {
  readonly schemaName: string;
  /** 1-based position in the run. */
  readonly index: number;
  readonly total: number;
  readonly applied: string[];
  readonly error?: unknown;
}

/** Outcome of {@link migrateAllTenants}; failures do not stop the other schemas. */
export interface AllTenantsRun {
  readonly total: number;
  /** Schemas that had pending migrations and got them. */
  readonly migrated: number;
  readonly failed: { schemaName: string; error: unknown }[];
}

/** Applies pending platform migrations to `public` (installs PostGIS on first run). */
export async function migratePlatform(db: AnyDb): Promise<MigrationRun> {
  return db.transaction().execute(async (trx) => {
    await lockSchema(trx, "public");
    const postgis = (await findPostgisSchema(trx)) ?? DEFAULT_EXTENSION_SCHEMA;
    await setSearchPath(trx, searchPath("public", postgis));
    const applied = await applyMigrations(trx, "public", platformMigrations, trx);
    return { schemaName: "public", applied };
  });
}

/**
 * Creates the workspace's schema and NOLOGIN role and applies every tenant migration, in one
 * transaction; idempotent. Returns the schema name (`ws_` + the id's hex digits).
 */
export async function createTenantSchema(db: AnyDb, workspaceId: string): Promise<string> {
  const schemaName = tenantSchemaName(workspaceId);
  await db.transaction().execute(async (trx) => {
    await lockSchema(trx, schemaName);
    await sql`create schema if not exists ${sql.id(schemaName)}`.execute(trx);
    await migrateLocked(trx, schemaName);
  });
  return schemaName;
}

/** Applies pending tenant migrations to one existing tenant schema (and repairs its role and grants). */
export async function migrateTenant(db: AnyDb, schemaName: string): Promise<MigrationRun> {
  assertTenantSchemaName(schemaName);
  return db.transaction().execute(async (trx) => {
    await lockSchema(trx, schemaName);
    const { rows } = await sql`select 1 from pg_namespace where nspname = ${schemaName}`.execute(trx);
    if (rows.length === 0) throw new Error(`tenant schema ${schemaName} does not exist`);
    return { schemaName, applied: await migrateLocked(trx, schemaName) };
  });
}

/** Migrates every tenant schema in the database, one transaction each. */
export async function migrateAllTenants(
  db: AnyDb,
  onProgress?: (progress: TenantMigrationProgress) => void,
): Promise<AllTenantsRun> {
  const schemas = await listTenantSchemas(db);
  const failed: AllTenantsRun["failed"] = [];
  let migrated = 0;
  for (const [i, schemaName] of schemas.entries()) {
    const at = { schemaName, index: i + 1, total: schemas.length };
    try {
      const { applied } = await migrateTenant(db, schemaName);
      if (applied.length > 0) migrated++;
      onProgress?.({ ...at, applied });
    } catch (error) {
      failed.push({ schemaName, error });
      onProgress?.({ ...at, applied: [], error });
    }
  }
  return { total: schemas.length, migrated, failed };
}

/** Names of the tenant schemas that exist, sorted. */
export async function listTenantSchemas(db: AnyDb): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select nspname as name from pg_namespace where nspname ~ '^ws_[0-9a-f]{32}$' order by nspname`.execute(db);
  return rows.map((r) => r.name);
}

/** How a tenant schema compares with the latest tenant migration; one cheap query. */
export async function tenantSchemaStatus(db: AnyDb, schemaName: string): Promise<TenantSchemaStatus> {
  assertTenantSchemaName(schemaName);
  const latest = lastName(tenantMigrations);
  const table = `"${schemaName}".schema_migrations`;
  const { rows: exists } = await sql<{ ok: boolean }>`select to_regclass(${table}) is not null as ok`.execute(db);
  if (!exists[0]?.ok) return { current: null, latest, behind: true };
  const { rows } = await sql<{ name: string }>`select name from ${sql.id(schemaName, "schema_migrations")}`.execute(db);
  const applied = new Set(rows.map((r) => r.name));
  const firstMissing = tenantMigrations.findIndex((m) => !applied.has(m.name));
  if (firstMissing === -1) {
    // Everything known is applied; a newer deploy may have applied more (reported as is).
    return { current: [...applied].sort().at(-1) ?? null, latest, behind: false };
  }
  // With a migration missing, the schema stands at the end of the unbroken run before
  // the gap, whatever was applied after it.
  const current = firstMissing === 0 ? null : tenantMigrations[firstMissing - 1]!.name;
  return { current, latest, behind: true };
}

/**
 * Drops a tenant schema with all its data, and its role (unless another database on the
 * cluster still grants it something). For workspace deletion and test cleanup.
 */
export async function dropTenantSchema(db: AnyDb, schemaName: string): Promise<void> {
  const role = tenantRoleName(schemaName);
  await db.transaction().execute(async (trx) => {
    await lockSchema(trx, schemaName);
    await lockRoleGrants(trx);
    await sql`drop schema if exists ${sql.id(schemaName)} cascade`.execute(trx);
    // DO bodies cannot take parameters; both names passed the tenant-name check above.
    await sql
      .raw(`do $$ begin
        if exists (select 1 from pg_roles where rolname = '${role}') then
          drop owned by "${role}";
          begin
            drop role "${role}";
          exception when dependent_objects_still_exist then null;
          end;
        end if;
      end $$`)
      .execute(trx);
  });
}

async function migrateLocked(trx: AnyTrx, schemaName: string): Promise<string[]> {
  const postgis = await findPostgisSchema(trx);
  if (postgis === null) throw new Error("PostGIS is not installed: run the platform migrations first");
  const role = tenantRoleName(schemaName);
  await ensureTenantRole(trx, schemaName, role, postgis);
  await setSearchPath(trx, searchPath(schemaName, postgis));
  const applied = await applyMigrations(trx, schemaName, tenantMigrations, trx.withSchema(schemaName));
  // Re-granted on every run so tables added by any migration are reachable by the role.
  const schema = sql.id(schemaName);
  const roleId = sql.id(role);
  await sql`grant select, insert, update, delete on all tables in schema ${schema} to ${roleId}`.execute(trx);
  await sql`grant usage, select, update on all sequences in schema ${schema} to ${roleId}`.execute(trx);
  await sql`revoke insert, update, delete on ${sql.id(schemaName, "schema_migrations")} from ${roleId}`.execute(trx);
  return applied;
}

/**
 * GRANTs and REVOKEs on a shared schema (public, the PostGIS schema) rewrite that schema's
 * catalog row: two tenants provisioned or dropped at once fail with "tuple concurrently
 * updated". One cluster-wide lock, held to the end of the transaction, makes them take turns.
 */
async function lockRoleGrants(trx: AnyTrx): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext('fos:tenant-role-grants'))`.execute(trx);
}

async function ensureTenantRole(trx: AnyTrx, schemaName: string, role: string, postgis: string): Promise<void> {
  await lockRoleGrants(trx);
  // Roles are cluster-wide: another database on the cluster may have created it already.
  await sql
    .raw(`do $$ begin
      create role "${role}" nologin noinherit;
    exception when duplicate_object or unique_violation then null;
    end $$`)
    .execute(trx);
  // SET ROLE needs membership, even for the role's creator (PG16+ grants it only ADMIN).
  await sql`grant ${sql.id(role)} to current_user`.execute(trx);
  await sql`grant usage on schema ${sql.id(schemaName)} to ${sql.id(role)}`.execute(trx);
  await sql`grant usage on schema ${sql.id(postgis)} to ${sql.id(role)}`.execute(trx);
  // Usage of public lets the role call the platform's SECURITY DEFINER entry points
  // (public.enqueue_jobs); its tables stay closed (no table privileges are granted).
  // Explicit, because a recreated public schema no longer grants usage to PUBLIC.
  await sql`grant usage on schema public to ${sql.id(role)}`.execute(trx);
}

async function applyMigrations(
  trx: AnyTrx,
  schemaName: string,
  migrations: readonly Migration[],
  scoped: AnyDb,
): Promise<string[]> {
  checkOrder(migrations);
  const table = sql.id(schemaName, "schema_migrations");
  await sql`create table if not exists ${table} (
    name text primary key,
    applied_at timestamptz not null default now()
  )`.execute(trx);
  const { rows } = await sql<{ name: string }>`select name from ${table}`.execute(trx);
  const done = new Set(rows.map((r) => r.name));
  const known = new Set(migrations.map((m) => m.name));
  const unknown = [...done].filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new Error(`${schemaName} has migrations this code does not know (${unknown.join(", ")}): deploy newer code`);
  }
  const applied: string[] = [];
  for (const migration of migrations) {
    if (done.has(migration.name)) continue;
    try {
      await migration.up(scoped);
    } catch (error) {
      throw new Error(`migration ${migration.name} failed on ${schemaName}: ${(error as Error).message}`, { cause: error });
    }
    await sql`insert into ${table} (name) values (${migration.name})`.execute(trx);
    applied.push(migration.name);
  }
  return applied;
}

function checkOrder(migrations: readonly Migration[]): void {
  for (let i = 1; i < migrations.length; i++) {
    const previous = migrations[i - 1]!.name;
    const name = migrations[i]!.name;
    if (name <= previous) throw new Error(`migrations out of order or duplicated: ${previous} then ${name}`);
  }
}

function lastName(migrations: readonly Migration[]): string {
  const last = migrations.at(-1);
  if (!last) throw new Error("no migrations");
  return last.name;
}

async function lockSchema(trx: AnyTrx, schemaName: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(${sql.lit(LOCK_NAMESPACE)}, hashtext(${schemaName}))`.execute(trx);
}

async function setSearchPath(trx: AnyTrx, path: string): Promise<void> {
  await sql`select set_config('search_path', ${path}, true)`.execute(trx);
}
