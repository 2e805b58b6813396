import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { afterCommit } from "../../../adapters/postgres/commit-hooks.ts";
import { createTenantSchema, dropTenantSchema } from "../../../adapters/postgres/migrator.ts";
import type { DatabaseHandle } from "../../../adapters/postgres/open-database.ts";
import { tenantDatabase, type TenantHandle } from "../../../adapters/postgres/tenant-database.ts";
import { newId } from "../../../core/ids.ts";
import { closeTestDatabase, openTestDatabase, testBackends } from "../../support/test-database.ts";

describe.each(testBackends())("afterCommit (%s)", (backend) => {
  let handle: DatabaseHandle;
  let tenant: TenantHandle;
  beforeAll(async () => {
    handle = await openTestDatabase(backend);
    tenant = tenantDatabase(handle, await createTenantSchema(handle.db, newId()));
  });
  afterAll(async () => {
    if (tenant) await dropTenantSchema(handle.db, tenant.schemaName).catch(() => undefined);
    await closeTestDatabase(handle);
  });
  const db = () => handle.db as Kysely<unknown>;

  it("runs work right after a tenant transaction commits, not before", async () => {
    const ran: string[] = [];
    let done!: Promise<void>;
    await tenant.transaction(async (trx) => {
      ({ done } = await afterCommit(trx, db(), async () => void ran.push("after")));
      ran.push("inside");
    });
    await done;
    expect(ran).toEqual(["inside", "after"]);
  });

  it("never runs work of a transaction that rolled back, and still settles", async () => {
    const ran: string[] = [];
    let done!: Promise<void>;
    await expect(
      tenant.transaction(async (trx) => {
        ({ done } = await afterCommit(trx, db(), async () => void ran.push("after")));
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    await done;
    expect(ran).toEqual([]);
  });

  it("falls back to the transaction's status for a transaction it does not manage", async () => {
    const ran: string[] = [];
    let done!: Promise<void>;
    await handle.db.transaction().execute(async (trx) => {
      ({ done } = await afterCommit(trx, db(), async () => void ran.push("after")));
    });
    await done;
    expect(ran).toEqual(["after"]);
    let rolledBack!: Promise<void>;
    await handle.db
      .transaction()
      .execute(async (trx) => {
        ({ done: rolledBack } = await afterCommit(trx, db(), async () => void ran.push("never")));
        throw new Error("roll back");
      })
      .catch(() => undefined);
    await rolledBack;
    expect(ran).toEqual(["after"]);
  });

  it("logs a failing work instead of throwing", async () => {
    const warnings: unknown[] = [];
    const logger = { warn: (...args: unknown[]) => warnings.push(args) } as never;
    let done!: Promise<void>;
    await tenant.transaction(async (trx) => {
      ({ done } = await afterCommit(trx, db(), async () => Promise.reject(new Error("push failed")), logger));
    });
    await done;
    expect(warnings).toHaveLength(1);
  });
});
