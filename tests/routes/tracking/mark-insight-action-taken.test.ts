import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp } from "../../support/test-app.ts";
import { expectProblem, generateInsights, memberWith, trackedRecord, unknownId, type Tracked } from "./tracking-test-helpers.ts";

// POST /api/v1/tracking/insights/{insight_id}/action-taken (markInsightActionTaken)
let t: TestApp;
let tr: Tracked;
beforeAll(async () => {
  t = await sharedTestApp();
  tr = await trackedRecord(t);
});

const path = (id: string) => `/api/v1/tracking/insights/${id}/action-taken`;
const firstInsight = async (x: Tracked = tr) => (await generateInsights(t, x)).items[0]!.id;

describe("markInsightActionTaken: happy", () => {
  it("records who acted and when; the insight stays listed as action_taken", async () => {
    const id = await firstInsight();
    const res = await t.request(path(id), { method: "POST", headers: t.as(tr.ws.owner, tr.ws) });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ id, status: "action_taken", action_taken: true, action_taken_by: tr.ws.owner.id, is_dismissed: false });
    expect(body.action_taken_at).not.toBeNull();
    const list = await (await t.request(`/api/v1/tracking/${tr.recordId}/insights`, { headers: t.as(tr.ws.owner, tr.ws) })).json();
    expect(list.items.find((i: { id: string }) => i.id === id)).toMatchObject({ status: "action_taken" });
  });
});

describe("markInsightActionTaken: error", () => {
  it("answers 422 for a bad id and 404 for an unknown one", async () => {
    await expectProblem(await t.request(path("abc"), { method: "POST", headers: t.as(tr.ws.owner, tr.ws) }), 422);
    await expectProblem(await t.request(path(unknownId), { method: "POST", headers: t.as(tr.ws.owner, tr.ws) }), 404);
  });
});

describe("markInsightActionTaken: security", () => {
  it("answers 401 without credentials", async () => {
    const id = await firstInsight();
    expect((await t.request(path(id), { method: "POST", headers: { "x-workspace-id": tr.ws.id } })).status).toBe(401);
  });

  it("answers 404 for another workspace's insight", async () => {
    const other = await trackedRecord(t);
    const theirs = await firstInsight(other);
    await expectProblem(await t.request(path(theirs), { method: "POST", headers: t.as(tr.ws.owner, tr.ws) }), 404);
  });

  it("answers 403 for a member with view-only access", async () => {
    const id = await firstInsight();
    const reader = await memberWith(t, tr, ["can_view"]);
    await expectProblem(await t.request(path(id), { method: "POST", headers: t.as(reader, tr.ws) }), 403);
  });
});
