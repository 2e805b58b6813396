import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { tenantDatabase } from "../../adapters/postgres/tenant-database.ts";
import type { Job } from "../../core/ports/job-queue.ts";
import { RECORDSETS_PURGE_TRASH_JOB, recordsetsPurgeTrashHandler } from "../../jobs/handlers/recordsets-purge-trash.ts";
import { createJobRegistry } from "../../jobs/registry.ts";
import { defaultSchedules } from "../../jobs/scheduler.ts";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../support/test-app.ts";
import { addRecords } from "../routes/recordsets/recordset-admin-test-helpers.ts";
import { makeRecordset, trashRecordset } from "../routes/recordsets/recordset-test-helpers.ts";
import { attach, download } from "../routes/crud-records/attachment-test-helpers.ts";

// recordsets.purge-trash: deletes recordsets trashed more than 30 days ago, in every workspace.
let t: TestApp;
beforeAll(async () => {
  t = await sharedTestApp();
});

const DAY = 24 * 60 * 60 * 1000;

/** Pretends the recordset was trashed `days` ago. */
async function trashedDaysAgo(ws: TestWorkspace, slug: string, days: number): Promise<void> {
  await trashRecordset(t, ws, slug);
  await tenantDatabase(t.database, ws.schemaName).transaction((trx) =>
    trx.updateTable("recordsets").set({ deleted_at: new Date(Date.now() - days * DAY) }).where("slug", "=", slug).execute(),
  );
}

async function run(): Promise<unknown> {
  const handler = recordsetsPurgeTrashHandler({ db: t.database.db }, t.services);
  const progress: number[] = [];
  const result = await handler({ job: { id: "test", type: RECORDSETS_PURGE_TRASH_JOB } as Job, signal: new AbortController().signal, reportProgress: (p) => progress.push(p) });
  expect(progress.at(-1)).toBe(100);
  return result;
}

describe("recordsets.purge-trash", () => {
  it("purges, in every workspace, only what was trashed more than 30 days ago, records included, with an event", async () => {
    const a = await t.createWorkspace();
    const b = await t.createWorkspace();
    const expired = await makeRecordset(t, a);
    const [recordId, keptId] = await addRecords(t, a, expired.id, [{ name: "Old" }, { name: "Kept file" }]);
    const recent = await makeRecordset(t, a);
    const [recentRecordId] = await addRecords(t, a, recent.id, [{ name: "Recent" }]);
    const expiredFile = await attach(t, a, keptId!);
    const recentFile = await attach(t, a, recentRecordId!);
    const live = await makeRecordset(t, a);
    const expiredB = await makeRecordset(t, b);
    await trashedDaysAgo(a, expired.slug, 31);
    await trashedDaysAgo(a, recent.slug, 29);
    await trashedDaysAgo(b, expiredB.slug, 45);

    const result = (await run()) as { workspaces: number; purged: number; skipped: number };
    expect(result.purged).toBeGreaterThanOrEqual(2);

    const refA = { id: a.id, schemaName: a.schemaName };
    expect(await t.services.recordsets.find(refA, expired.id, { trashed: true })).toBeNull();
    expect(await t.services.records.find(refA, recordId!, { includeDeleted: true })).toBeNull();
    expect(await t.services.recordsets.find(refA, recent.id, { trashed: true })).not.toBeNull();
    expect((await download(t, expiredFile.download_url)).status).toBe(404);
    expect((await download(t, recentFile.download_url)).status).toBe(200);
    expect(await t.services.recordsets.find(refA, live.id)).not.toBeNull();
    expect(await t.services.recordsets.find({ id: b.id, schemaName: b.schemaName }, expiredB.id, { trashed: true })).toBeNull();

    const events = await tenantDatabase(t.database, a.schemaName).transaction((trx) =>
      trx.selectFrom("activity").select(["type", "actor_id", "entity_id"]).where("type", "=", "recordset.purged").execute(),
    );
    expect(events).toEqual([{ type: "recordset.purged", actor_id: null, entity_id: expired.id }]);
  });

  it("is harmless to run again", async () => {
    const ws = await t.createWorkspace();
    const rs = await makeRecordset(t, ws);
    await trashedDaysAgo(ws, rs.slug, 40);
    await run();
    await run();
    const count = await tenantDatabase(t.database, ws.schemaName).transaction((trx) =>
      trx.selectFrom("recordsets").select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow(),
    );
    expect(count.n).toBe(0);
  });

  it("is registered and scheduled daily", () => {
    expect(createJobRegistry({ db: t.database.db, recordsetTrash: t.services }).has(RECORDSETS_PURGE_TRASH_JOB)).toBe(true);
    expect(defaultSchedules.find((s) => s.name === RECORDSETS_PURGE_TRASH_JOB)).toMatchObject({ everyMs: DAY, job: { type: RECORDSETS_PURGE_TRASH_JOB } });
  });
});
