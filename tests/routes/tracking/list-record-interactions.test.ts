import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp } from "../../support/test-app.ts";
import { daysAgo, expectProblem, logInteraction, memberWith, trackedRecord, unknownId, type Tracked } from "./tracking-test-helpers.ts";

// GET /api/v1/tracking/{record_id}/interactions (listRecordInteractions)
let t: TestApp;
let tr: Tracked;
beforeAll(async () => {
  t = await sharedTestApp();
  tr = await trackedRecord(t);
  await logInteraction(t, tr, { interaction_type: "email", summary: "Old email", occurred_at: daysAgo(10) });
  await logInteraction(t, tr, { interaction_type: "call", summary: "Latest call", occurred_at: daysAgo(1) });
  await logInteraction(t, tr, { interaction_type: "call", summary: "Middle call", occurred_at: daysAgo(5) });
});

const path = (id: string, q = "") => `/api/v1/tracking/${id}/interactions${q}`;

describe("listRecordInteractions: happy", () => {
  it("returns the timeline, most recent first, paginated", async () => {
    const viewer = await memberWith(t, tr, ["can_view"], "viewer");
    const res = await t.request(path(tr.recordId, "?page_size=2"), { headers: t.as(viewer, tr.ws) });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ total: 3, page: 1, page_size: 2 });
    expect(body.items.map((i: { summary: string }) => i.summary)).toEqual(["Latest call", "Middle call"]);
    const second = await (await t.request(path(tr.recordId, "?page_size=2&page=2"), { headers: t.as(viewer, tr.ws) })).json();
    expect(second.items.map((i: { summary: string }) => i.summary)).toEqual(["Old email"]);
  });

  it("filters by interaction_type", async () => {
    const body = await (await t.request(path(tr.recordId, "?interaction_type=email"), { headers: t.as(tr.ws.owner, tr.ws) })).json();
    expect(body.total).toBe(1);
    expect(body.items[0]).toMatchObject({ interaction_type: "email", summary: "Old email" });
  });
});

describe("listRecordInteractions: error", () => {
  it("answers 422 for a bad type, page size or id, and 404 for an unknown record", async () => {
    const h = t.as(tr.ws.owner, tr.ws);
    await expectProblem(await t.request(path(tr.recordId, "?interaction_type=fax"), { headers: h }), 422);
    await expectProblem(await t.request(path(tr.recordId, "?page_size=0"), { headers: h }), 422);
    await expectProblem(await t.request(path("abc"), { headers: h }), 422);
    await expectProblem(await t.request(path(unknownId), { headers: h }), 404);
  });
});

describe("listRecordInteractions: security", () => {
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
