import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp } from "../../support/test-app.ts";
import { daysAgo, expectProblem, logInteraction, memberWith, trackedRecord, unknownId, type Tracked } from "./tracking-test-helpers.ts";

// PUT /api/v1/tracking/interactions/{interaction_id} (updateRecordInteraction)
let t: TestApp;
let tr: Tracked;
beforeAll(async () => {
  t = await sharedTestApp();
  tr = await trackedRecord(t);
});

const path = (id: string) => `/api/v1/tracking/interactions/${id}`;

describe("updateRecordInteraction: happy", () => {
  it("changes the given fields only and clears those set to null", async () => {
    const created = await logInteraction(t, tr, { summary: "Call", notes: "Some notes", outcome: "Maybe" });
    const at = daysAgo(3);
    const res = await t.request(path(created.id), { method: "PUT", headers: t.as(tr.ws.owner, tr.ws), json: { summary: "Long call", occurred_at: at, outcome: null } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: created.id, summary: "Long call", notes: "Some notes", outcome: null, interaction_type: "call", occurred_at: new Date(at).toISOString() });
  });

  it("lets a member with can_edit change it", async () => {
    const created = await logInteraction(t, tr);
    const editor = await memberWith(t, tr, ["can_view", "can_edit"]);
    const res = await t.request(path(created.id), { method: "PUT", headers: t.as(editor, tr.ws), json: { interaction_type: "visit" } });
    expect(res.status).toBe(200);
    expect((await res.json()).interaction_type).toBe("visit");
  });
});

describe("updateRecordInteraction: error", () => {
  it("answers 422 for an empty change, a bad type or a blank summary, and 404 for an unknown id", async () => {
    const created = await logInteraction(t, tr);
    const h = t.as(tr.ws.owner, tr.ws);
    await expectProblem(await t.request(path(created.id), { method: "PUT", headers: h, json: {} }), 422);
    await expectProblem(await t.request(path(created.id), { method: "PUT", headers: h, json: { interaction_type: "fax" } }), 422);
    await expectProblem(await t.request(path(created.id), { method: "PUT", headers: h, json: { summary: " " } }), 422);
    await expectProblem(await t.request(path(unknownId), { method: "PUT", headers: h, json: { summary: "x" } }), 404);
  });
});

describe("updateRecordInteraction: security", () => {
  it("answers 401 without credentials", async () => {
    const created = await logInteraction(t, tr);
    expect((await t.request(path(created.id), { method: "PUT", headers: { "x-workspace-id": tr.ws.id }, json: { summary: "x" } })).status).toBe(401);
  });

  it("answers 404 for another workspace's interaction", async () => {
    const other = await trackedRecord(t);
    const theirs = await logInteraction(t, other);
    await expectProblem(await t.request(path(theirs.id), { method: "PUT", headers: t.as(tr.ws.owner, tr.ws), json: { summary: "x" } }), 404);
  });

  it("answers 403 for a viewer", async () => {
    const created = await logInteraction(t, tr);
    const viewer = await memberWith(t, tr, ["can_view"], "viewer");
    await expectProblem(await t.request(path(created.id), { method: "PUT", headers: t.as(viewer, tr.ws), json: { summary: "x" } }), 403);
  });
});
