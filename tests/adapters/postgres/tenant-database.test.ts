import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newId } from "../../../core/ids.ts";
import { jsonb } from "../../../adapters/postgres/jsonb.ts";
import { createTenantSchema, dropTenantSchema } from "../../../adapters/postgres/migrator.ts";
import type { DatabaseHandle } from "../../../adapters/postgres/open-database.ts";
import { tenantDatabase, type TenantHandle } from "../../../adapters/postgres/tenant-database.ts";
import { closeTestDatabase, openTestDatabase, testBackends } from "../../support/test-database.ts";

describe.each(testBackends())("tenant database (%s)", (backend) => {
  let handle: DatabaseHandle;
  let tenant: TenantHandle;
  let other: TenantHandle;
  let sessionUser: string;

  beforeAll(async () => {
    handle = await openTestDatabase(backend);
    tenant = tenantDatabase(handle, await createTenantSchema(handle.db, newId()));
    other = tenantDatabase(handle, await createTenantSchema(handle.db, newId()));
    await other.transaction((trx) => trx.insertInto("settings").values({ key: "secret", value: jsonb("other's") }).execute());
    const { rows } = await sql<{ u: string }>`select current_user as u`.execute(handle.db);
    sessionUser = rows[0]!.u;
  });

  afterAll(async () => {
    for (const t of [tenant, other]) if (t) await dropTenantSchema(handle.db, t.schemaName).catch(() => undefined);
    await closeTestDatabase(handle);
  });

  it("runs as the tenant role with the tenant schema first on the search path", async () => {
    const { rows } = await tenant.transaction((trx) =>
      sql<{ role: string; path: string }>`select current_user as role, current_setting('search_path') as path`.execute(trx),
    );
    expect(rows[0]).toEqual({ role: tenant.roleName, path: `"${tenant.schemaName}", "${handle.extensionSchema}"` });
  });

  it("scopes builder queries and unqualified raw SQL to its own schema", async () => {
    await tenant.transaction(async (trx) => {
      await trx.insertInto("settings").values({ key: "theme", value: jsonb({ dark: true }) }).execute();
    });
    const raw = await tenant.transaction((trx) => sql<{ key: string; value: unknown }>`select key, value from settings`.execute(trx));
    expect(raw.rows).toEqual([{ key: "theme", value: { dark: true } }]);
    const built = await tenant.transaction((trx) => trx.selectFrom("settings").select(["key", "value"]).execute());
    expect(built).toEqual([{ key: "theme", value: { dark: true } }]);
    // The row really is in the tenant's schema, not in public.
    const direct = await sql<{ n: number }>`select count(*) as n from ${sql.id(tenant.schemaName, "settings")}`.execute(handle.db);
    expect(direct.rows[0]?.n).toBe(1);
  });

  it("cannot read the platform tables", async () => {
    await expect(tenant.transaction((trx) => sql`select * from public.users`.execute(trx))).rejects.toThrow(
      /permission denied for table users/,
    );
    await expect(tenant.transaction((trx) => trx.withSchema("public").selectFrom("settings" as never).selectAll().execute())).rejects.toThrow(
      /relation .* does not exist|permission denied/,
    );
    await expect(tenant.transaction((trx) => sql`select * from users`.execute(trx))).rejects.toThrow(
      /relation "users" does not exist|permission denied for table users/,
    );
  });

  it("cannot read another tenant's schema", async () => {
    await expect(
      tenant.transaction((trx) => sql`select * from ${sql.id(other.schemaName, "settings")}`.execute(trx)),
    ).rejects.toThrow(/permission denied for schema/);
    await expect(tenant.transaction((trx) => trx.withSchema(other.schemaName).selectFrom("settings").selectAll().execute())).rejects.toThrow(
      /permission denied for schema/,
    );
  });

  it("cannot create objects or rewrite its migration history", async () => {
    await expect(tenant.transaction((trx) => sql`create table sneaky (id int)`.execute(trx))).rejects.toThrow(/permission denied for schema/);
    await expect(
      tenant.transaction((trx) => trx.insertInto("schema_migrations").values({ name: "9999_fake" }).execute()),
    ).rejects.toThrow(/permission denied for table schema_migrations/);
  });

  it("cannot leave its role with raw SQL", async () => {
    await expect(tenant.transaction((trx) => sql`reset role`.execute(trx))).rejects.toThrow(/may not change role/);
    await expect(tenant.transaction((trx) => sql`set local search_path = public`.execute(trx))).rejects.toThrow(/may not change/);
    await expect(
      tenant.transaction((trx) => sql`select set_config('role', 'postgres', true)`.execute(trx)),
    ).rejects.toThrow(/may not change/);
  });

  it("lets ordinary SQL mentioning roles through the guard", async () => {
    const { rows } = await tenant.transaction((trx) => sql<{ role: string }>`select 'member' as role`.execute(trx));
    expect(rows).toEqual([{ role: "member" }]);
  });

  it("can use PostGIS functions and types", async () => {
    const { rows } = await tenant.transaction((trx) =>
      sql<{ wkt: string; area: number; srid: number }>`
        select ST_AsText(ST_Transform(ST_SetSRID(ST_MakePoint(0, 0), 4326), 3857)) as wkt,
               ST_Area(ST_MakeEnvelope(0, 0, 2, 3)) as area,
               ST_SRID('SRID=4326;POINT(1 2)'::geometry) as srid`.execute(trx),
    );
    expect(rows[0]).toEqual({ wkt: "POINT(0 0)", area: 6, srid: 4326 });
  });

  it("leaves the role and search path behind when the transaction ends", async () => {
    await tenant.transaction((trx) => sql`select 1`.execute(trx));
    await expect(tenant.transaction(() => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    const { rows } = await sql<{ u: string }>`select current_user as u`.execute(handle.db);
    expect(rows[0]?.u).toBe(sessionUser);
    await expect(handle.db.selectFrom("users").select("id").limit(1).execute()).resolves.toBeDefined();
  });

  it("streams its rows as the tenant role", async () => {
    await tenant.transaction((trx) =>
      trx
        .insertInto("settings")
        .values(Array.from({ length: 30 }, (_, i) => ({ key: `k${String(i).padStart(2, "0")}`, value: jsonb(i) })))
        .execute(),
    );
    const keys: string[] = [];
    for await (const row of tenant.stream((db) => db.selectFrom("settings").select("key").where("key", "like", "k%").orderBy("key"), { chunkSize: 7 })) {
      keys.push(row.key);
    }
    expect(keys).toHaveLength(30);
    expect(keys[0]).toBe("k00");

    const whoami = [];
    for await (const row of tenant.stream(() => sql<{ u: string }>`select current_user as u`)) whoami.push(row.u);
    expect(whoami).toEqual([tenant.roleName]);

    const escape = async () => {
      for await (const _ of tenant.stream((db) => db.withSchema(other.schemaName).selectFrom("settings").selectAll())) {
        // never reached
      }
    };
    await expect(escape()).rejects.toThrow(/permission denied for schema/);
  });

  it("isolates concurrent transactions of different tenants", async () => {
    const keys = await Promise.all(
      Array.from({ length: 6 }, (_, i) => {
        const t = i % 2 === 0 ? tenant : other;
        return t.transaction(async (trx) => {
          const rows = await trx.selectFrom("settings").select("key").where("key", "=", "secret").execute();
          return { schema: t.schemaName, found: rows.length };
        });
      }),
    );
    for (const k of keys) expect(k.found).toBe(k.schema === other.schemaName ? 1 : 0);
  });
});
