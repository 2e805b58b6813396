import { beforeAll, describe, expect, it } from "vitest";
import { asEventTransaction } from "../../../adapters/postgres/events/postgres-event-recorder.ts";
import { tenantDatabase } from "../../../adapters/postgres/tenant-database.ts";
import { notificationLiveEvents, userNotificationsChannel } from "../../../core/notifications/live-events.ts";
import { notificationsDigestHandler } from "../../../jobs/handlers/notifications-digest.ts";
import { sharedTestApp, type TestApp, type TestUser, type TestWorkspace } from "../../support/test-app.ts";
import { recordEvent } from "./notification-fixtures.ts";

// Notifications from domain events: recipients, rollback, instant mail, digests.
let t: TestApp;
let workspace: TestWorkspace;
beforeAll(async () => {
  t = await sharedTestApp();
  workspace = await t.createWorkspace();
});

async function mailTo(user: TestUser): Promise<Array<{ subject: string; text_body: string }>> {
  const rows = await t.database.db.selectFrom("mail_outbox").select(["to_addresses", "subject", "text_body", "created_at"]).orderBy("created_at").execute();
  return rows.filter((r) => (r.to_addresses as string[]).includes(user.email));
}

async function inbox(user: TestUser) {
  return (await t.request("/api/v1/notifications/inbox", { headers: t.as(user, workspace) })).json();
}

function runDigest(at: Date) {
  const handler = notificationsDigestHandler({ notificationDelivery: { ...t.services.notificationDelivery, now: () => at } });
  return handler({ job: {} as never, signal: new AbortController().signal, reportProgress: () => undefined });
}

describe("notifications from events", () => {
  it("notifies the audience and members whose preferences subscribe them, never the actor", async () => {
    const assignee = await t.addMember(workspace, "member");
    const watcher = await t.addMember(workspace, "viewer");
    const bystander = await t.addMember(workspace, "member");
    await t.request("/api/v1/notifications/me", { method: "POST", headers: t.as(watcher, workspace), json: { event_type: "record.assigned", channel: "in_app", enabled: true } });
    await recordEvent(t, workspace, { type: "record.assigned", audience: [assignee, workspace.owner], name: "Lot 7" });
    expect((await inbox(assignee)).total).toBe(1);
    expect((await inbox(watcher)).total).toBe(1);
    expect((await inbox(bystander)).total).toBe(0);
    expect((await inbox(workspace.owner)).total).toBe(0);
  });

  it("a batch (recordMany) notifies each event's recipients, pushes after commit, honours preferences", async () => {
    const a = await t.addMember(workspace, "member");
    const b = await t.addMember(workspace, "member");
    const watcher = await t.addMember(workspace, "viewer");
    await t.request("/api/v1/notifications/me", { method: "POST", headers: t.as(watcher, workspace), json: { event_type: "record.assigned", channel: "in_app", enabled: true } });
    const live: string[] = [];
    const leave = await t.services.pubSub.subscribe(userNotificationsChannel(a.id), (m) => live.push(m));
    const base = { workspaceId: workspace.id, actorId: workspace.owner.id, metadata: {} };
    await t.services.events.recordMany([
      { ...base, type: "task.assigned", entity: { type: "task", id: "b1", name: "First" }, audience: [a.id, b.id] },
      { ...base, type: "task.assigned", entity: { type: "task", id: "b2", name: "Second" }, audience: [a.id, workspace.owner.id] },
      { ...base, type: "record.assigned", entity: { type: "record", id: "b3", name: "Third" } },
    ]);
    await t.services.notificationFanout.settled();
    expect((await inbox(a)).total).toBe(2);
    expect((await inbox(b)).total).toBe(1);
    expect((await inbox(watcher)).total).toBe(1);
    expect((await inbox(workspace.owner)).total).toBe(0);
    // One message per user for the whole batch, carrying both of a's notifications.
    await expect.poll(() => live.flatMap(notificationLiveEvents).length).toBe(2);
    expect(live).toHaveLength(1);
    await leave();
  });

  it("writes nothing and pushes nothing when the recording transaction rolls back", async () => {
    const assignee = await t.addMember(workspace, "member");
    const live: string[] = [];
    const leave = await t.services.pubSub.subscribe(userNotificationsChannel(assignee.id), (m) => live.push(m));
    await expect(
      tenantDatabase(t.database, workspace.schemaName).transaction(async (trx) => {
        await t.services.events.record(
          { workspaceId: workspace.id, type: "task.assigned", actorId: workspace.owner.id, entity: { type: "task", id: "t", name: "Never" }, metadata: {}, audience: [assignee.id] },
          { transaction: asEventTransaction(trx) },
        );
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    await t.services.notificationFanout.settled();
    expect((await inbox(assignee)).total).toBe(0);
    expect(live).toEqual([]);
    await leave();
  });

  it("emails instantly after commit when email is on and the mode is instant", async () => {
    const assignee = await t.addMember(workspace, "member");
    await recordEvent(t, workspace, { type: "task.assigned", audience: [assignee], name: "Sign the lease" });
    const mail = await mailTo(assignee);
    expect(mail.map((m) => m.subject)).toEqual(["Task assigned: Sign the lease"]);
    expect((await inbox(assignee)).items[0].emailed_at).not.toBeNull();
  });

  it("sends one digest per user in digest mode, what needs attention first, once per frequency", async () => {
    const user = await t.addMember(workspace, "member");
    await t.request("/api/v1/notifications/email-delivery", { method: "PUT", headers: t.as(user, workspace), json: { email_delivery_mode: "digest", digest_frequency_minutes: "60" } });
    await t.request("/api/v1/notifications/preferences/v2/member.added", { method: "PUT", headers: t.as(user, workspace), json: { email_enabled: true } });
    await recordEvent(t, workspace, { type: "member.added", name: "Ada" });
    await recordEvent(t, workspace, { type: "comment.mentioned", audience: [user], name: "Budget thread" });
    expect(await mailTo(user)).toEqual([]);

    const start = new Date(Date.now() + 60_000);
    await runDigest(start);
    const [digest] = await mailTo(user);
    expect(digest!.subject).toBe("1 item needs your attention (2 notifications)");
    expect(digest!.text_body.indexOf("Mentioned in a comment: Budget thread")).toBeLessThan(digest!.text_body.indexOf("Member added: Ada"));
    expect((await inbox(user)).items.every((n: { emailed_at: string | null }) => n.emailed_at !== null)).toBe(true);

    await recordEvent(t, workspace, { type: "member.added", name: "Bob" });
    await runDigest(new Date(start.getTime() + 30 * 60_000));
    expect(await mailTo(user)).toHaveLength(1); // 60-minute digest: not due yet
    await runDigest(new Date(start.getTime() + 60 * 60_000));
    const mails = await mailTo(user);
    expect(mails).toHaveLength(2);
    expect(mails[1]!.subject).toBe("1 new notification");
  });

  it("does not notify a member who left the workspace", async () => {
    const left = await t.addMember(workspace, "member");
    await tenantDatabase(t.database, workspace.schemaName).transaction((trx) =>
      trx.insertInto("members").values({ user_id: left.id, deleted_at: new Date() }).execute(),
    );
    await recordEvent(t, workspace, { type: "task.assigned", audience: [left] });
    const rows = await tenantDatabase(t.database, workspace.schemaName).transaction((trx) =>
      trx.selectFrom("notifications").select("id").where("user_id", "=", left.id).execute(),
    );
    expect(rows).toEqual([]);
  });
});
