import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp } from "../../support/test-app.ts";
import { expectProblem, generateInsights, memberWith, trackedRecord, unknownId, type Tracked } from "./tracking-test-helpers.ts";

// POST /api/v1/tracking/insights/{insight_id}/dismiss (dismissRecordInsight)
let t: TestApp;
let tr: Tracked;
beforeAll(async () => {
  t = await sharedTestApp();
  tr = await trackedRecord(t);
});

const path = (id: string) => `/api/v1/tracking/insights/${id}/dismiss`;
const firstInsight = async (x: Tracked = tr) => (await generateInsights(t, x)).items[0]!.id;

describe("dismissRecordInsight: happy", () => {
  it("marks the insight dismissed (who and when) and hides it from the list", async () => {
    const id = await firstInsight();
    const editor = await memberWith(t, tr, ["can_view", "can_edit"]);
    const res = await t.request(path(id), { method: "POST", headers: t.as(editor, tr.ws) });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ id, status: "dismissed", is_dismissed: true, dismissed_by: editor.id });
    expect(body.dismissed_at).not.toBeNull();
    const list = await (await t.request(`/api/v1/tracking/${tr.recordId}/insights`, { headers: t.as(editor, tr.ws) })).json();
    expect(list.items.map((i: { id: string }) => i.id)).not.toContain(id);
    // Again: nothing changes (first dismissal kept).
    const again = await (await t.request(path(id), { method: "POST", headers: t.as(tr.ws.owner, tr.ws) })).json();
    expect(again).toMatchObject({ dismissed_by: editor.id, dismissed_at: body.dismissed_at });
  });
});

describe("dismissRecordInsight: error", () => {
  it("answers 422 for a bad id and 404 for an unknown one", async () => {
    await expectProblem(await t.request(path("abc"), { method: "POST", headers: t.as(tr.ws.owner, tr.ws) }), 422);
    await expectProblem(await t.request(path(unknownId), { method: "POST", headers: t.as(tr.ws.owner, tr.ws) }), 404);
  });
});

describe("dismissRecordInsight: security", () => {
  it("answers 401 without credentials", async () => {
    const id = await firstInsight();
    expect((await t.request(path(id), { method: "POST", headers: { "x-workspace-id": tr.ws.id } })).status).toBe(401);
  });

  it("answers 404 for another workspace's insight", async () => {
    const other = await trackedRecord(t);
    const theirs = await firstInsight(other);
    await expectProblem(await t.request(path(theirs), { method: "POST", headers: t.as(tr.ws.owner, tr.ws) }), 404);
  });

  it("answers 403 for a viewer", async () => {
    const id = await firstInsight();
    const viewer = await memberWith(t, tr, ["can_view"], "viewer");
    await expectProblem(await t.request(path(id), { method: "POST", headers: t.as(viewer, tr.ws) }), 403);
  });
});
