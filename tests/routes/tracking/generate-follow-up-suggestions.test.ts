import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp } from "../../support/test-app.ts";
import { addRecord, addTask, daysAgo, expectProblem, logInteraction, memberWith, trackedRecord, unknownId, type Tracked } from "./tracking-test-helpers.ts";

// POST /api/v1/tracking/{recordset_id}/follow-up-suggestions (generateFollowUpSuggestions)
let t: TestApp;
let tr: Tracked;
let stale: string;
let never: string;
let fresh: string;
beforeAll(async () => {
  t = await sharedTestApp();
  tr = await trackedRecord(t, { name: "Overdue Inc" });
  stale = await addRecord(t, tr, { name: "Stale Ltd" });
  never = await addRecord(t, tr, { name: "Never Co" });
  fresh = await addRecord(t, tr, { name: "Fresh GmbH" });
  await addTask(t, tr, { title: "Send contract", due_at: daysAgo(2) });
  await logInteraction(t, tr, { occurred_at: daysAgo(1) });
  await logInteraction(t, tr, { interaction_type: "email", summary: "Sent brochure", occurred_at: daysAgo(90) }, stale);
  await logInteraction(t, tr, { occurred_at: daysAgo(1) }, fresh);
});

const path = (id: string, q = "") => `/api/v1/tracking/${id}/follow-up-suggestions${q}`;

describe("generateFollowUpSuggestions: happy", () => {
  it("suggests follow-ups for the records most in need, labelled and built from their data", async () => {
    const viewer = await memberWith(t, tr, ["can_view"], "viewer");
    const res = await t.request(path(tr.recordsetId), { method: "POST", headers: t.as(viewer, tr.ws) });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ recordset_id: tr.recordsetId, candidates_considered: 3, source: "heuristic", offline: true, provider: "offline" });
    expect(body.usage.input_tokens).toBeGreaterThan(0);
    expect(body.suggestions.map((s: { record_id: string }) => s.record_id)).toEqual([tr.recordId, never, stale]);
    const [overdue, first, followUp] = body.suggestions;
    expect(overdue).toMatchObject({ record_title: "Overdue Inc", priority: "high", overdue_tasks: 1 });
    expect(overdue.action).toContain("Send contract");
    expect(first).toMatchObject({ record_title: "Never Co", action: "Make first contact", last_interaction_at: null });
    expect(followUp).toMatchObject({ record_title: "Stale Ltd", action: "Follow up by email", priority: "high" });
    expect(followUp.reason).toContain("Sent brochure");
    expect(body.suggestions.map((s: { record_id: string }) => s.record_id)).not.toContain(fresh);
  });

  it("caps the list with limit and skips the model when nothing needs a follow-up", async () => {
    const capped = await (await t.request(path(tr.recordsetId, "?limit=1"), { method: "POST", headers: t.as(tr.ws.owner, tr.ws) })).json();
    expect(capped.suggestions).toHaveLength(1);
    const calm = await trackedRecord(t);
    await logInteraction(t, calm, { occurred_at: daysAgo(1) });
    const none = await (await t.request(path(calm.recordsetId), { method: "POST", headers: t.as(calm.ws.owner, calm.ws) })).json();
    expect(none).toMatchObject({ suggestions: [], candidates_considered: 0, usage: { input_tokens: 0, output_tokens: 0 } });
  });
});

describe("generateFollowUpSuggestions: error", () => {
  it("answers 422 for a bad limit or id and 404 for an unknown recordset", async () => {
    const h = t.as(tr.ws.owner, tr.ws);
    await expectProblem(await t.request(path(tr.recordsetId, "?limit=0"), { method: "POST", headers: h }), 422);
    await expectProblem(await t.request(path(tr.recordsetId, "?limit=500"), { method: "POST", headers: h }), 422);
    await expectProblem(await t.request(path("abc"), { method: "POST", headers: h }), 422);
    await expectProblem(await t.request(path(unknownId), { method: "POST", headers: h }), 404);
  });
});

describe("generateFollowUpSuggestions: security", () => {
  it("answers 401 without credentials", async () => {
    expect((await t.request(path(tr.recordsetId), { method: "POST", headers: { "x-workspace-id": tr.ws.id } })).status).toBe(401);
  });

  it("answers 404 for another workspace's recordset", async () => {
    const other = await trackedRecord(t);
    await expectProblem(await t.request(path(other.recordsetId), { method: "POST", headers: t.as(tr.ws.owner, tr.ws) }), 404);
  });

  it("answers 403 for a member without access to the recordset", async () => {
    const stranger = await memberWith(t, tr, []);
    await expectProblem(await t.request(path(tr.recordsetId), { method: "POST", headers: t.as(stranger, tr.ws) }), 403);
  });
});
