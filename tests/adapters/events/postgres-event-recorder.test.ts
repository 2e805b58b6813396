import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asEventTransaction, PostgresEventRecorder, tenantTransactionOf } from "../../../adapters/postgres/events/postgres-event-recorder.ts";
import { tenantDatabase } from "../../../adapters/postgres/tenant-database.ts";
import type { DomainEvent } from "../../../core/events/domain-event.ts";
import { EventSubscribers, workspaceEventsChannel } from "../../../core/events/event-subscribers.ts";
import { Invalid } from "../../../core/errors.ts";
import { createTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";

let t: TestApp;
let ws: TestWorkspace;
let other: TestWorkspace;
let subscribers: EventSubscribers;
let recorder: PostgresEventRecorder;
const seen: Array<{ event: DomainEvent; name: string }> = [];
const published: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  ws = await t.createWorkspace();
  other = await t.createWorkspace();
  subscribers = new EventSubscribers()
    .subscribe("everything", async (event) => void seen.push({ event, name: "everything" }))
    .subscribe("teams-only", async (event) => void seen.push({ event, name: "teams-only" }), { types: ["team."] })
    // Writes through the transaction it is given, so it commits or rolls back with the event.
    .subscribe("writer", async (event, { transaction }) => {
      if (event.type !== "team.created") return;
      await tenantTransactionOf(transaction).insertInto("settings").values({ key: `seen:${event.id}`, value: JSON.stringify(true) }).execute();
    });
  recorder = new PostgresEventRecorder({ database: t.database, subscribers, pubSub: t.services.pubSub });
  await t.services.pubSub.subscribe(workspaceEventsChannel(ws.id), (message) => void published.push(message));
});
afterAll(async () => t.close());

async function activityRow(workspace: TestWorkspace, id: string) {
  return tenantDatabase(t.database, workspace.schemaName).transaction((trx) =>
    trx.selectFrom("activity").selectAll().where("id", "=", id).executeTakeFirst(),
  );
}
async function settingExists(workspace: TestWorkspace, key: string): Promise<boolean> {
  const row = await tenantDatabase(t.database, workspace.schemaName).transaction((trx) =>
    trx.selectFrom("settings").select("key").where("key", "=", key).executeTakeFirst(),
  );
  return row !== undefined;
}
const teamEvent = (workspace: TestWorkspace) => ({
  workspaceId: workspace.id,
  type: "team.created",
  actorId: workspace.owner.id,
  entity: { type: "team", id: "t-1", name: "Sales" },
  metadata: { size: 3 },
  audience: [workspace.owner.id, workspace.owner.id],
});

describe("PostgresEventRecorder", () => {
  it("without a transaction: writes the row, runs matching subscribers, then publishes", async () => {
    const event = await recorder.record(teamEvent(ws));
    const row = await activityRow(ws, event.id);
    expect(row).toMatchObject({ type: "team.created", actor_id: ws.owner.id, entity_id: "t-1", entity_name: "Sales", metadata: { size: 3 } });
    expect(row!.audience).toEqual([ws.owner.id]);
    expect(seen.filter((s) => s.event.id === event.id).map((s) => s.name)).toEqual(["everything", "teams-only"]);
    expect(await settingExists(ws, `seen:${event.id}`)).toBe(true);
    await expect.poll(() => published.some((m) => JSON.parse(m).id === event.id)).toBe(true);
    expect(JSON.parse(published.find((m) => JSON.parse(m).id === event.id)!)).toMatchObject({ type: "team.created", workspace_id: ws.id });
  });

  it("skips subscribers whose types do not match", async () => {
    const event = await recorder.record({ ...teamEvent(ws), type: "member.added" });
    expect(seen.filter((s) => s.event.id === event.id).map((s) => s.name)).toEqual(["everything"]);
  });

  it("inside a tenant transaction that commits: row and subscriber writes commit, publish follows the commit", async () => {
    let id = "";
    await tenantDatabase(t.database, ws.schemaName).transaction(async (trx) => {
      id = (await recorder.record(teamEvent(ws), { transaction: asEventTransaction(trx) })).id;
      expect(published.some((m) => JSON.parse(m).id === id)).toBe(false);
    });
    await recorder.settled();
    expect(await activityRow(ws, id)).toBeDefined();
    expect(await settingExists(ws, `seen:${id}`)).toBe(true);
    await expect.poll(() => published.some((m) => JSON.parse(m).id === id)).toBe(true);
  });

  it("inside a tenant transaction that rolls back: nothing is kept and nothing is published", async () => {
    let id = "";
    await expect(
      tenantDatabase(t.database, ws.schemaName).transaction(async (trx) => {
        id = (await recorder.record(teamEvent(ws), { transaction: asEventTransaction(trx) })).id;
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    await recorder.settled();
    expect(await activityRow(ws, id)).toBeUndefined();
    expect(await settingExists(ws, `seen:${id}`)).toBe(false);
    expect(published.some((m) => JSON.parse(m).id === id)).toBe(false);
  });

  it("inside a platform transaction: the row goes to the event's tenant schema", async () => {
    const id = await t.database.db.transaction().execute(async (trx) => (await recorder.record(teamEvent(ws), { transaction: asEventTransaction(trx) })).id);
    await recorder.settled();
    expect(await activityRow(ws, id)).toBeDefined();
    expect(await settingExists(ws, `seen:${id}`)).toBe(true);
  });

  it("refuses to write another workspace's event through a tenant transaction", async () => {
    await expect(
      tenantDatabase(t.database, other.schemaName).transaction((trx) => recorder.record(teamEvent(ws), { transaction: asEventTransaction(trx) })),
    ).rejects.toThrow(/permission denied/);
  });

  it("rejects a malformed event type and a database handle that is not a transaction", async () => {
    await expect(recorder.record({ ...teamEvent(ws), type: "Bad Type" })).rejects.toBeInstanceOf(Invalid);
    expect(() => asEventTransaction(t.database.db as never)).toThrow(TypeError);
  });

  it("refuses two subscribers with one name", () => {
    expect(() => new EventSubscribers().subscribe("a", async () => {}).subscribe("a", async () => {})).toThrow(/already/);
  });

  it("records many events in one write: rows, per-event subscribers, publication after commit", async () => {
    const events = await tenantDatabase(t.database, ws.schemaName).transaction(async (trx) => {
      const recorded = await recorder.recordMany(
        [1, 2, 3].map((n) => ({ ...teamEvent(ws), entity: { type: "team", id: `many-${n}`, name: `Team ${n}` } })),
        { transaction: asEventTransaction(trx) },
      );
      expect(published.some((m) => recorded.some((e) => JSON.parse(m).id === e.id))).toBe(false);
      return recorded;
    });
    await recorder.settled();
    for (const event of events) {
      expect(await activityRow(ws, event.id)).toMatchObject({ entity_id: event.entity.id });
      expect(await settingExists(ws, `seen:${event.id}`)).toBe(true);
      await expect.poll(() => published.some((m) => JSON.parse(m).id === event.id)).toBe(true);
    }
    expect(seen.filter((s) => events.some((e) => e.id === s.event.id) && s.name === "everything")).toHaveLength(3);
  });

  it("recordMany refuses events of two workspaces and rolls back with the caller", async () => {
    await expect(recorder.recordMany([teamEvent(ws), teamEvent(other)])).rejects.toBeInstanceOf(Invalid);
    let ids: string[] = [];
    await expect(
      tenantDatabase(t.database, ws.schemaName).transaction(async (trx) => {
        ids = (await recorder.recordMany([teamEvent(ws), teamEvent(ws)], { transaction: asEventTransaction(trx) })).map((e) => e.id);
        throw new Error("the bulk change failed");
      }),
    ).rejects.toThrow("the bulk change failed");
    await recorder.settled();
    for (const id of ids) expect(await activityRow(ws, id)).toBeUndefined();
  });

  it("hands a batch to a subscriber's runMany in one call", async () => {
    const calls: number[] = [];
    const batching = new EventSubscribers().subscribe("batch", async () => void calls.push(1), { runMany: async (events) => void calls.push(events.length) });
    const batchRecorder = new PostgresEventRecorder({ database: t.database, subscribers: batching, pubSub: t.services.pubSub });
    await batchRecorder.recordMany([teamEvent(ws), teamEvent(ws), teamEvent(ws)]);
    expect(calls).toEqual([3]);
  });
});
