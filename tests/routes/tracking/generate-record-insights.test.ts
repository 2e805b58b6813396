import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp } from "../../support/test-app.ts";
import { addTask, daysAgo, expectProblem, logInteraction, memberWith, trackedRecord, unknownId, type Tracked } from "./tracking-test-helpers.ts";

// POST /api/v1/tracking/{record_id}/insights/generate (generateRecordInsights)
let t: TestApp;
let tr: Tracked;
beforeAll(async () => {
  t = await sharedTestApp();
  tr = await trackedRecord(t);
  await logInteraction(t, tr, { interaction_type: "email", summary: "Sent pricing", occurred_at: daysAgo(45) });
  await addTask(t, tr, { title: "Chase the signature", due_at: daysAgo(3) });
});

const path = (id: string) => `/api/v1/tracking/${id}/insights/generate`;

describe("generateRecordInsights: happy", () => {
  it("stores labelled insights built from the record's data; they appear in the list", async () => {
    const res = await t.request(path(tr.recordId), { method: "POST", headers: t.as(tr.ws.owner, tr.ws) });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ record_id: tr.recordId, source: "heuristic", offline: true, provider: "offline", usage: { provider: "offline", cost_usd: 0 } });
    expect(body.usage.input_tokens).toBeGreaterThan(0);
    const types = body.items.map((i: { insight_type: string }) => i.insight_type);
    expect(types).toEqual(expect.arrayContaining(["overdue_tasks", "stale_engagement", "missing_data"]));
    const overdue = body.items.find((i: { insight_type: string }) => i.insight_type === "overdue_tasks");
    expect(overdue.body).toContain("Chase the signature");
    expect(body.items.find((i: { insight_type: string }) => i.insight_type === "missing_data").body).toContain("Email");
    const list = await (await t.request(`/api/v1/tracking/${tr.recordId}/insights`, { headers: t.as(tr.ws.owner, tr.ws) })).json();
    expect(list.items.map((i: { id: string }) => i.id).sort()).toEqual(body.items.map((i: { id: string }) => i.id).sort());
  });

  it("is deterministic and replaces untouched generated insights, keeping dismissed ones", async () => {
    const first = await (await t.request(path(tr.recordId), { method: "POST", headers: t.as(tr.ws.owner, tr.ws) })).json();
    const dismissed = first.items[0].id;
    await t.request(`/api/v1/tracking/insights/${dismissed}/dismiss`, { method: "POST", headers: t.as(tr.ws.owner, tr.ws) });
    const second = await (await t.request(path(tr.recordId), { method: "POST", headers: t.as(tr.ws.owner, tr.ws) })).json();
    const strip = (items: { title: string; body: string; insight_type: string }[]) => items.map(({ title, body, insight_type }) => ({ title, body, insight_type }));
    expect(strip(second.items)).toEqual(strip(first.items));
    const all = await (await t.request(`/api/v1/tracking/${tr.recordId}/insights?include_dismissed=true`, { headers: t.as(tr.ws.owner, tr.ws) })).json();
    expect(all.total).toBe(second.items.length + 1);
    expect(all.items.map((i: { id: string }) => i.id)).toContain(dismissed);
  });
});

describe("generateRecordInsights: error", () => {
  it("answers 422 for a bad id and 404 for an unknown record", async () => {
    await expectProblem(await t.request(path("abc"), { method: "POST", headers: t.as(tr.ws.owner, tr.ws) }), 422);
    await expectProblem(await t.request(path(unknownId), { method: "POST", headers: t.as(tr.ws.owner, tr.ws) }), 404);
  });
});

describe("generateRecordInsights: security", () => {
  it("answers 401 without credentials", async () => {
    expect((await t.request(path(tr.recordId), { method: "POST", headers: { "x-workspace-id": tr.ws.id } })).status).toBe(401);
  });

  it("answers 404 for another workspace's record", async () => {
    const other = await trackedRecord(t);
    await expectProblem(await t.request(path(other.recordId), { method: "POST", headers: t.as(tr.ws.owner, tr.ws) }), 404);
  });

  it("answers 403 for a member with view-only access (it stores data)", async () => {
    const reader = await memberWith(t, tr, ["can_view"]);
    await expectProblem(await t.request(path(tr.recordId), { method: "POST", headers: t.as(reader, tr.ws) }), 403);
  });
});
