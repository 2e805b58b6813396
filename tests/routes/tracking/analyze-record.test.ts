import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp } from "../../support/test-app.ts";
import { addTask, daysAgo, expectProblem, logInteraction, memberWith, trackedRecord, unknownId, type Tracked } from "./tracking-test-helpers.ts";

// POST /api/v1/tracking/{record_id}/analyze (analyzeRecord)
let t: TestApp;
let tr: Tracked;
beforeAll(async () => {
  t = await sharedTestApp();
  tr = await trackedRecord(t, { name: "Globex", stage: "won", revenue: 50000 });
  await logInteraction(t, tr, { interaction_type: "meeting", summary: "Quarterly review", occurred_at: daysAgo(3), outcome: "Renewal likely" });
  await addTask(t, tr, { title: "Send renewal terms", due_at: daysAgo(1) });
});

const path = (id: string) => `/api/v1/tracking/${id}/analyze`;

describe("analyzeRecord: happy", () => {
  it("returns a labelled, deterministic analysis built from the record's data", async () => {
    const viewer = await memberWith(t, tr, ["can_view"], "viewer");
    const res = await t.request(path(tr.recordId), { method: "POST", headers: t.as(viewer, tr.ws) });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ record_id: tr.recordId, source: "heuristic", offline: true, provider: "offline", model: "offline-extractive" });
    expect(body.usage).toMatchObject({ provider: "offline", model: "offline-extractive", cost_usd: 0 });
    expect(body.usage.input_tokens).toBeGreaterThan(0);
    expect(body.metrics).toEqual({ interaction_count: 1, last_interaction_at: expect.any(String), days_since_last_interaction: 3, open_tasks: 1, overdue_tasks: 1 });
    expect(body.analysis.health).toBe("at_risk");
    expect(body.analysis.summary).toContain("Globex");
    expect(body.analysis.summary).toContain("Quarterly review");
    expect(body.analysis.key_points).toContain("Revenue: 50000");
    expect(body.analysis.risks.join(" ")).toContain("Send renewal terms");
    expect(body.analysis.next_actions.join(" ")).toContain("Send renewal terms");
    const again = await (await t.request(path(tr.recordId), { method: "POST", headers: t.as(viewer, tr.ws) })).json();
    expect(again.analysis).toEqual(body.analysis);
  });

  it("records the call's usage for the workspace", async () => {
    const calls = async () => (await t.services.llmUsage.summarise(tr.ws)).byPurpose.find((p) => p.purpose === "tracking.analyze")?.calls ?? 0;
    const before = await calls();
    await t.request(path(tr.recordId), { method: "POST", headers: t.as(tr.ws.owner, tr.ws) });
    expect(await calls()).toBe(before + 1);
  });
});

describe("analyzeRecord: error", () => {
  it("answers 422 for a bad id and 404 for an unknown record", async () => {
    await expectProblem(await t.request(path("abc"), { method: "POST", headers: t.as(tr.ws.owner, tr.ws) }), 422);
    await expectProblem(await t.request(path(unknownId), { method: "POST", headers: t.as(tr.ws.owner, tr.ws) }), 404);
  });
});

describe("analyzeRecord: security", () => {
  it("answers 401 without credentials", async () => {
    expect((await t.request(path(tr.recordId), { method: "POST", headers: { "x-workspace-id": tr.ws.id } })).status).toBe(401);
  });

  it("answers 404 for another workspace's record", async () => {
    const other = await trackedRecord(t);
    await expectProblem(await t.request(path(other.recordId), { method: "POST", headers: t.as(tr.ws.owner, tr.ws) }), 404);
  });

  it("answers 403 for a member without access to the recordset", async () => {
    const stranger = await memberWith(t, tr, []);
    await expectProblem(await t.request(path(tr.recordId), { method: "POST", headers: t.as(stranger, tr.ws) }), 403);
  });
});
