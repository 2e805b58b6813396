import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp } from "../../support/test-app.ts";
import { addRecord, addTask, daysAgo, daysAhead, expectProblem, generateInsights, logInteraction, memberWith, trackedRecord, unknownId, type Tracked } from "./tracking-test-helpers.ts";

// GET /api/v1/tracking/{recordset_id}/dashboard (getRecordsetTrackingDashboard)
let t: TestApp;
let tr: Tracked;
beforeAll(async () => {
  t = await sharedTestApp();
  tr = await trackedRecord(t);
  const quiet = await addRecord(t, tr, { name: "Quiet Co" });
  await addRecord(t, tr, { name: "Never Contacted" });
  await logInteraction(t, tr, { interaction_type: "call", occurred_at: daysAgo(2) });
  await logInteraction(t, tr, { interaction_type: "email", occurred_at: daysAgo(20) });
  await logInteraction(t, tr, { interaction_type: "meeting", occurred_at: daysAgo(40) }, quiet);
  await addTask(t, tr, { title: "Overdue", due_at: daysAgo(1), priority: "high" });
  await addTask(t, tr, { title: "Soon", due_at: daysAhead(3) });
  await addTask(t, tr, { title: "Done", status: "completed" }, quiet);
  await generateInsights(t, tr);
});

const path = (id: string) => `/api/v1/tracking/${id}/dashboard`;

describe("getRecordsetTrackingDashboard: happy", () => {
  it("aggregates interactions, tasks, quiet records and insights over the recordset", async () => {
    const viewer = await memberWith(t, tr, ["can_view"], "viewer");
    const res = await t.request(path(tr.recordsetId), { headers: t.as(viewer, tr.ws) });
    expect(res.status).toBe(200);
    const d = await res.json();
    expect(d.recordset_id).toBe(tr.recordsetId);
    expect(d.records).toEqual({ total: 3, with_interactions: 2, without_interaction_30_days: 2, with_open_tasks: 1 });
    expect(d.interactions).toMatchObject({ total: 3, last_7_days: 1, last_30_days: 2 });
    expect(d.interactions.by_type).toEqual({ call: 1, email: 1, meeting: 1, note: 0, message: 0, visit: 0, other: 0 });
    expect(d.tasks).toMatchObject({ open: 2, overdue: 1, due_next_7_days: 1, completed: 1, completed_last_30_days: 1, cancelled: 0 });
    expect(d.tasks.open_by_priority).toEqual({ low: 0, medium: 1, high: 1, urgent: 0 });
    expect(d.insights.active).toBeGreaterThan(0);
    expect(d.insights.active_by_type.overdue_tasks).toBe(1);
  });

  it("answers zeros for a recordset without tracking", async () => {
    const fresh = await trackedRecord(t);
    const d = await (await t.request(path(fresh.recordsetId), { headers: t.as(fresh.ws.owner, fresh.ws) })).json();
    expect(d.records).toEqual({ total: 1, with_interactions: 0, without_interaction_30_days: 1, with_open_tasks: 0 });
    expect(d.tasks.open).toBe(0);
    expect(d.insights).toEqual({ active: 0, dismissed: 0, action_taken: 0, active_by_type: {} });
  });
});

describe("getRecordsetTrackingDashboard: error", () => {
  it("answers 422 for a bad id and 404 for an unknown recordset", async () => {
    await expectProblem(await t.request(path("abc"), { headers: t.as(tr.ws.owner, tr.ws) }), 422);
    await expectProblem(await t.request(path(unknownId), { headers: t.as(tr.ws.owner, tr.ws) }), 404);
  });
});

describe("getRecordsetTrackingDashboard: security", () => {
  it("answers 401 without credentials", async () => {
    expect((await t.request(path(tr.recordsetId), { headers: { "x-workspace-id": tr.ws.id } })).status).toBe(401);
  });

  it("answers 404 for another workspace's recordset", async () => {
    const other = await trackedRecord(t);
    await expectProblem(await t.request(path(other.recordsetId), { headers: t.as(tr.ws.owner, tr.ws) }), 404);
  });

  it("answers 403 for a member without access to the recordset", async () => {
    const stranger = await memberWith(t, tr, []);
    await expectProblem(await t.request(path(tr.recordsetId), { headers: t.as(stranger, tr.ws) }), 403);
  });
});
