import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jsonb } from "../../../adapters/postgres/jsonb.ts";
import type { DatabaseHandle } from "../../../adapters/postgres/open-database.ts";
import { closeTestDatabase, openTestDatabase, testBackends } from "../../support/test-database.ts";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(testBackends())("database driver (%s)", (backend) => {
  let handle: DatabaseHandle;
  const table = `driver_test_${Date.now().toString(36)}_${process.pid}`;

  beforeAll(async () => {
    handle = await openTestDatabase(backend);
    await sql`create table ${sql.id(table)} (n int primary key, tag text)`.execute(handle.db);
    await sql`insert into ${sql.id(table)} select g, 'row ' || g from generate_series(1, 2500) g`.execute(handle.db);
  });

  afterAll(async () => {
    await sql`drop table if exists ${sql.id(table)}`.execute(handle.db).catch(() => undefined);
    await closeTestDatabase(handle);
  });

  it("answers ping and reports its kind", async () => {
    await handle.ping();
    expect(handle.kind).toBe(backend);
  });

  it("reads types the same way on both backends", async () => {
    const row = await sql<{ big: unknown; num: unknown; at: unknown; doc: unknown; flag: unknown; id: unknown }>`
      select 9007199254740::int8 as big, 1.25::numeric as num, now() as at,
             '{"a":[1,2]}'::jsonb as doc, true as flag, '0193a0a0-0000-7000-8000-000000000000'::uuid as id`
      .execute(handle.db)
      .then((r) => r.rows[0]);
    expect(row).toEqual({
      big: 9007199254740,
      num: "1.25",
      at: expect.any(Date),
      doc: { a: [1, 2] },
      flag: true,
      id: "0193a0a0-0000-7000-8000-000000000000",
    });
    const count = await handle.db.selectFrom(sql.table(table).as("t")).select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow();
    expect(count.n).toBe(2500);
  });

  it("binds jsonb values and dates the same way on both backends", async () => {
    for (const value of [{ a: [1, "two"] }, ["x", "y"], "text", 42, null]) {
      const { rows } = await sql<{ v: unknown; t: string }>`select ${jsonb(value)} as v, jsonb_typeof(${jsonb(value)}) as t`.execute(handle.db);
      expect(rows[0]?.v).toEqual(value);
      expect(rows[0]?.t).toBe(value === null ? "null" : Array.isArray(value) ? "array" : typeof value === "object" ? "object" : typeof value);
    }
    const at = new Date("2026-01-02T03:04:05.678Z");
    const { rows } = await sql<{ same: boolean; back: Date }>`select ${at}::timestamptz = '2026-01-02T03:04:05.678Z'::timestamptz as same, ${at}::timestamptz as back`.execute(handle.db);
    expect(rows[0]).toEqual({ same: true, back: at });
  });

  it("streams rows through a cursor in chunks", async () => {
    let seen = 0;
    let last = 0;
    const query = handle.db.selectFrom(sql.table(table).as("t")).select(sql<number>`n`.as("n")).orderBy(sql`n`);
    for await (const row of query.stream(100)) {
      seen++;
      expect(row.n).toBe(last + 1);
      last = row.n;
    }
    expect(seen).toBe(2500);
  });

  it("closes the cursor when the consumer stops early", async () => {
    const query = handle.db.selectFrom(sql.table(table).as("t")).select(sql<number>`n`.as("n"));
    let seen = 0;
    for await (const _ of query.stream(50)) {
      if (++seen === 10) break;
    }
    expect(seen).toBe(10);
    // The unnamed portal is this very query.
    const open = await sql<{ n: number }>`select count(*)::int as n from pg_cursors where name <> ''`.execute(handle.db);
    expect(open.rows[0]?.n).toBe(0);
  });

  it("streams inside a transaction", async () => {
    const total = await handle.db.transaction().execute(async (trx) => {
      await sql`update ${sql.id(table)} set tag = 'in trx' where n = 1`.execute(trx);
      let n = 0;
      let firstTag = "";
      const query = trx.selectFrom(sql.table(table).as("t")).select([sql<number>`n`.as("n"), sql<string>`tag`.as("tag")]).orderBy(sql`n`);
      for await (const row of query.stream(300)) {
        if (n++ === 0) firstTag = row.tag;
      }
      expect(firstTag).toBe("in trx");
      throw Object.assign(new Error("rollback"), { n });
    }).catch((error: { n: number }) => error.n);
    expect(total).toBe(2500);
    const tag = await sql<{ tag: string }>`select tag from ${sql.id(table)} where n = 1`.execute(handle.db);
    expect(tag.rows[0]?.tag).toBe("row 1");
  });

  it("streams through handle.streamQuery with setup statements in the same transaction", async () => {
    const query = sql<{ n: number; setting: string }>`
      select n, current_setting('application_name') as setting from ${sql.id(table)} where n <= 5 order by n`.compile(handle.db);
    const setup = [sql`select set_config('application_name', 'stream-setup', true)`.compile(handle.db)];
    const rows = [];
    for await (const row of handle.streamQuery(query, { chunkSize: 2, setup })) rows.push(row);
    expect(rows.map((r) => r.n)).toEqual([1, 2, 3, 4, 5]);
    expect(rows.every((r) => r.setting === "stream-setup")).toBe(true);
  });

  it("supports savepoints", async () => {
    const trx = await handle.db.startTransaction().execute();
    await sql`update ${sql.id(table)} set tag = 'kept' where n = 2`.execute(trx);
    const sp = await trx.savepoint("before_change").execute();
    await sql`update ${sql.id(table)} set tag = 'undone' where n = 2`.execute(sp);
    const back = await sp.rollbackToSavepoint("before_change").execute();
    await back.commit().execute();
    const tag = await sql<{ tag: string }>`select tag from ${sql.id(table)} where n = 2`.execute(handle.db);
    expect(tag.rows[0]?.tag).toBe("kept");
  });

  it("releases the connection after a failed transaction", async () => {
    await expect(
      handle.db.transaction().execute(async (trx) => {
        await sql`select * from no_such_table`.execute(trx);
      }),
    ).rejects.toThrow(/no_such_table/);
    await expect(handle.ping()).resolves.toBeUndefined();
  });
});

describe("PGlite serialisation", () => {
  let handle: DatabaseHandle;

  beforeAll(async () => {
    handle = await openTestDatabase("pglite");
    await sql`create table serial_log (at serial primary key, who text not null)`.execute(handle.db);
  });

  afterAll(async () => {
    await closeTestDatabase(handle);
  });

  it("never interleaves two concurrent transactions", async () => {
    const events: string[] = [];
    const work = (who: string) =>
      handle.db.transaction().execute(async (trx) => {
        for (let i = 0; i < 4; i++) {
          await sql`insert into serial_log (who) values (${who})`.execute(trx);
          events.push(who);
          await sleep(5);
        }
      });
    await Promise.all([work("a"), work("b"), work("c")]);
    // Each transaction's statements are contiguous, both in JS order and in the table.
    expect(events.join("")).toMatch(/^(aaaa|bbbb|cccc){3}$/);
    const { rows } = await sql<{ who: string }>`select who from serial_log order by at`.execute(handle.db);
    expect(rows.map((r) => r.who).join("")).toBe(events.join(""));
  });

  it("makes statements outside a transaction wait for it", async () => {
    const order: string[] = [];
    const trx = handle.db.transaction().execute(async (t) => {
      await sql`insert into serial_log (who) values ('t')`.execute(t);
      order.push("trx-insert");
      await sleep(50);
      order.push("trx-end");
    });
    await sleep(5);
    const outside = sql<{ n: number }>`select count(*) as n from serial_log where who = 't'`.execute(handle.db).then((r) => {
      order.push("outside");
      return r.rows[0]?.n;
    });
    await Promise.all([trx, outside]);
    expect(order).toEqual(["trx-insert", "trx-end", "outside"]);
    // Ran after the commit, so it sees the committed row.
    await expect(outside).resolves.toBe(1);
  });

  it("does not hold the session while a stream outside a transaction waits for its consumer", async () => {
    const query = sql<{ g: number }>`select g from generate_series(1, 1000) g`.compile(handle.db);
    const rows = handle.streamQuery(query, { chunkSize: 100 });
    const first = await rows.next();
    expect(first.value).toEqual({ g: 1 });
    // The consumer is paused mid-stream: other work still runs, including a transaction.
    await handle.db.transaction().execute(async (trx) => {
      await sql`insert into serial_log (who) values ('during-stream')`.execute(trx);
    });
    let count = 1;
    for await (const _ of rows) count++;
    expect(count).toBe(1000);
  });
});
