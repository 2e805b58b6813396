import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newId } from "../../../core/ids.ts";
import {
  createTenantSchema,
  dropTenantSchema,
  listTenantSchemas,
  migrateAllTenants,
  migratePlatform,
  migrateTenant,
  tenantSchemaStatus,
  type TenantMigrationProgress,
} from "../../../adapters/postgres/migrator.ts";
import { platformMigrations } from "../../../adapters/postgres/migrations/platform/index.ts";
import { tenantMigrations } from "../../../adapters/postgres/migrations/tenant/index.ts";
import type { DatabaseHandle } from "../../../adapters/postgres/open-database.ts";
import { findPostgisSchema } from "../../../adapters/postgres/postgis-schema.ts";
import { tenantRoleName, tenantSchemaName } from "../../../adapters/postgres/tenant-names.ts";
import { closeTestDatabase, openTestDatabase, testBackends } from "../../support/test-database.ts";

const latestTenant = tenantMigrations.at(-1)!.name;

describe("migration indexes", () => {
  it.each([
    ["platform", platformMigrations],
    ["tenant", tenantMigrations],
  ])("%s migrations are uniquely named and in order", (_, migrations) => {
    const names = migrations.map((m) => m.name);
    expect(names.length).toBeGreaterThan(0);
    expect([...names].sort()).toEqual(names);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^\d{4}_[a-z0-9_]+$/);
  });
});

describe("tenant names", () => {
  it("derives the schema and role from the workspace id", () => {
    const schema = tenantSchemaName("0193A0A0-1234-7abc-8def-0123456789ab");
    expect(schema).toBe("ws_0193a0a012347abc8def0123456789ab");
    expect(tenantRoleName(schema)).toBe("ws_0193a0a012347abc8def0123456789ab_role");
  });

  it("rejects anything that is not a UUID", () => {
    expect(() => tenantSchemaName("x; drop table users")).toThrow(TypeError);
    expect(() => tenantRoleName("public")).toThrow(TypeError);
  });
});

describe.each(testBackends())("migrator (%s)", (backend) => {
  let handle: DatabaseHandle;
  const created: string[] = [];

  beforeAll(async () => {
    handle = await openTestDatabase(backend);
  });

  afterAll(async () => {
    for (const schema of created) await dropTenantSchema(handle.db, schema).catch(() => undefined);
    await closeTestDatabase(handle);
  });

  it("has applied every platform migration, and a second run applies nothing", async () => {
    const rows = await handle.db.selectFrom("schema_migrations").select("name").orderBy("name").execute();
    expect(rows.map((r) => r.name)).toEqual(platformMigrations.map((m) => m.name));
    await expect(migratePlatform(handle.db)).resolves.toEqual({ schemaName: "public", applied: [] });
  });

  it("installs PostGIS and puts its schema on the search path", async () => {
    const schema = await findPostgisSchema(handle.db);
    expect(schema).toBe(handle.extensionSchema);
    const { rows } = await sql<{ wkt: string }>`select ST_AsText(ST_Centroid(ST_MakeEnvelope(0, 0, 2, 2, 4326))) as wkt`.execute(handle.db);
    expect(rows[0]?.wkt).toBe("POINT(1 1)");
  });

  it("creates the platform tables with their constraints", async () => {
    const userId = newId();
    const email = `Someone.${userId}@Example.com`;
    await handle.db.insertInto("users").values({ id: userId, email }).execute();
    const user = await handle.db.selectFrom("users").selectAll().where("id", "=", userId).executeTakeFirstOrThrow();
    expect(user).toMatchObject({ full_name: "", is_active: true, is_staff: false, is_superuser: false, deleted_at: null });
    expect(user.created_at).toBeInstanceOf(Date);
    // Unique on lower(email).
    await expect(handle.db.insertInto("users").values({ id: newId(), email: email.toLowerCase() }).execute()).rejects.toThrow(
      /duplicate key/,
    );

    const workspaceId = newId();
    await handle.db
      .insertInto("workspaces")
      .values({ id: workspaceId, name: "W", slug: `w-${workspaceId}`, schema_name: tenantSchemaName(workspaceId), owner_id: userId })
      .execute();
    await expect(
      handle.db.insertInto("workspace_members").values({ workspace_id: workspaceId, user_id: userId, role: "boss" as "owner" }).execute(),
    ).rejects.toThrow(/check constraint/);
    await handle.db.insertInto("workspace_members").values({ workspace_id: workspaceId, user_id: userId, role: "owner" }).execute();
    await handle.db
      .insertInto("api_keys")
      .values({ id: newId(), workspace_id: workspaceId, name: "k", prefix: "fos_live_ab", key_hash: `h-${workspaceId}` })
      .execute();
    const key = await handle.db.selectFrom("api_keys").select(["scopes", "is_active"]).where("workspace_id", "=", workspaceId).executeTakeFirstOrThrow();
    expect(key).toEqual({ scopes: [], is_active: true });

    // Deleting the workspace cascades to its members and keys.
    await handle.db.deleteFrom("workspaces").where("id", "=", workspaceId).execute();
    const left = await handle.db.selectFrom("workspace_members").select("user_id").where("workspace_id", "=", workspaceId).execute();
    expect(left).toEqual([]);
    await handle.db.deleteFrom("users").where("id", "=", userId).execute();
  });

  it("creates a tenant schema with its role and migrations, idempotently", async () => {
    const workspaceId = newId();
    const schema = await createTenantSchema(handle.db, workspaceId);
    created.push(schema);
    expect(schema).toBe(tenantSchemaName(workspaceId));
    await expect(tenantSchemaStatus(handle.db, schema)).resolves.toEqual({ current: latestTenant, latest: latestTenant, behind: false });
    const { rows } = await sql<{ rolname: string; rolcanlogin: boolean }>`
      select rolname, rolcanlogin from pg_roles where rolname = ${tenantRoleName(schema)}`.execute(handle.db);
    expect(rows).toEqual([{ rolname: tenantRoleName(schema), rolcanlogin: false }]);
    await expect(createTenantSchema(handle.db, workspaceId)).resolves.toBe(schema);
    await expect(migrateTenant(handle.db, schema)).resolves.toEqual({ schemaName: schema, applied: [] });
  });

  it("serialises concurrent migrations of the same schema", async () => {
    const workspaceId = newId();
    const schema = tenantSchemaName(workspaceId);
    created.push(schema);
    const results = await Promise.all([
      createTenantSchema(handle.db, workspaceId),
      createTenantSchema(handle.db, workspaceId),
      createTenantSchema(handle.db, workspaceId),
    ]);
    expect(results).toEqual([schema, schema, schema]);
    const { rows } = await sql<{ name: string }>`select name from ${sql.id(schema, "schema_migrations")}`.execute(handle.db);
    expect(rows.map((r) => r.name)).toEqual(tenantMigrations.map((m) => m.name));
  });

  it("reports and repairs a schema that is behind", async () => {
    const schema = tenantSchemaName(newId());
    created.push(schema);
    await expect(tenantSchemaStatus(handle.db, schema)).resolves.toEqual({ current: null, latest: latestTenant, behind: true });
    // A schema whose bookkeeping exists but is empty: as if created before any tenant migration.
    await sql`create schema ${sql.id(schema)}`.execute(handle.db);
    await sql`create table ${sql.id(schema, "schema_migrations")} (name text primary key, applied_at timestamptz not null default now())`.execute(
      handle.db,
    );
    await expect(tenantSchemaStatus(handle.db, schema)).resolves.toEqual({ current: null, latest: latestTenant, behind: true });

    const progress: TenantMigrationProgress[] = [];
    const run = await migrateAllTenants(handle.db, (p) => progress.push(p));
    const mine = progress.find((p) => p.schemaName === schema);
    expect(mine).toMatchObject({ applied: tenantMigrations.map((m) => m.name), total: run.total });
    expect(mine?.error).toBeUndefined();
    expect(run.migrated).toBeGreaterThanOrEqual(1);
    expect(progress.map((p) => p.index)).toEqual(progress.map((_, i) => i + 1));
    await expect(tenantSchemaStatus(handle.db, schema)).resolves.toMatchObject({ current: latestTenant, behind: false });
  });

  it("refuses a schema that has migrations the code does not know", async () => {
    const schema = await createTenantSchema(handle.db, newId());
    created.push(schema);
    await sql`insert into ${sql.id(schema, "schema_migrations")} (name) values ('9999_from_the_future')`.execute(handle.db);
    await expect(migrateTenant(handle.db, schema)).rejects.toThrow(/does not know \(9999_from_the_future\)/);
    await expect(tenantSchemaStatus(handle.db, schema)).resolves.toEqual({ current: "9999_from_the_future", latest: latestTenant, behind: false });
  });

  it("fails to migrate a schema that does not exist", async () => {
    await expect(migrateTenant(handle.db, tenantSchemaName(newId()))).rejects.toThrow(/does not exist/);
  });

  it("drops a tenant schema and its role", async () => {
    const schema = await createTenantSchema(handle.db, newId());
    await dropTenantSchema(handle.db, schema);
    expect(await listTenantSchemas(handle.db)).not.toContain(schema);
    const { rows } = await sql`select 1 from pg_roles where rolname = ${tenantRoleName(schema)}`.execute(handle.db);
    expect(rows).toEqual([]);
  });
});
