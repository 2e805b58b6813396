import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp } from "../../support/test-app.ts";
import { addTask, daysAgo, expectProblem, generateInsights, memberWith, trackedRecord, unknownId, type Tracked } from "./tracking-test-helpers.ts";

// GET /api/v1/tracking/{record_id}/insights (listRecordInsights)
let t: TestApp;
let tr: Tracked;
let generated: { id: string; insight_type: string }[];
beforeAll(async () => {
  t = await sharedTestApp();
  tr = await trackedRecord(t);
  await addTask(t, tr, { title: "Overdue thing", due_at: daysAgo(2) });
  generated = (await generateInsights(t, tr)).items;
});

const path = (id: string, q = "") => `/api/v1/tracking/${id}/insights${q}`;

describe("listRecordInsights: happy", () => {
  it("lists the record's insights, paginated", async () => {
    const viewer = await memberWith(t, tr, ["can_view"], "viewer");
    const res = await t.request(path(tr.recordId, "?page_size=1"), { headers: t.as(viewer, tr.ws) });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ total: generated.length, page: 1, page_size: 1 });
    expect(body.items).toHaveLength(1);
    expect(body.items[0]).toMatchObject({ record_id: tr.recordId, status: "active", is_dismissed: false, source: "heuristic", offline: true });
  });

  it("filters by insight_type and hides dismissed ones unless include_dismissed=true", async () => {
    const h = t.as(tr.ws.owner, tr.ws);
    const overdue = await (await t.request(path(tr.recordId, "?insight_type=overdue_tasks"), { headers: h })).json();
    expect(overdue.items.map((i: { insight_type: string }) => i.insight_type)).toEqual(["overdue_tasks"]);
    await t.request(`/api/v1/tracking/insights/${overdue.items[0].id}/dismiss`, { method: "POST", headers: h });
    expect((await (await t.request(path(tr.recordId, "?insight_type=overdue_tasks"), { headers: h })).json()).total).toBe(0);
    const all = await (await t.request(path(tr.recordId, "?insight_type=overdue_tasks&include_dismissed=true"), { headers: h })).json();
    expect(all.items[0]).toMatchObject({ status: "dismissed", is_dismissed: true });
  });
});

describe("listRecordInsights: error", () => {
  it("answers 422 for a bad flag or page, and 404 for an unknown record", async () => {
    const h = t.as(tr.ws.owner, tr.ws);
    await expectProblem(await t.request(path(tr.recordId, "?include_dismissed=maybe"), { headers: h }), 422);
    await expectProblem(await t.request(path(tr.recordId, "?page=0"), { headers: h }), 422);
    await expectProblem(await t.request(path(unknownId), { headers: h }), 404);
  });
});

describe("listRecordInsights: security", () => {
  it("answers 401 without credentials", async () => {
    expect((await t.request(path(tr.recordId), { headers: { "x-workspace-id": tr.ws.id } })).status).toBe(401);
  });

  it("answers 404 for another workspace's record", async () => {
    const other = await trackedRecord(t);
    await expectProblem(await t.request(path(other.recordId), { headers: t.as(tr.ws.owner, tr.ws) }), 404);
  });

  it("answers 403 for a member without access to the recordset", async () => {
    const stranger = await memberWith(t, tr, []);
    await expectProblem(await t.request(path(tr.recordId), { headers: t.as(stranger, tr.ws) }), 403);
  });
});
