import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp } from "../../support/test-app.ts";
import { addTask, daysAgo, daysAhead, expectProblem, logInteraction, memberWith, trackedRecord, unknownId, type Tracked } from "./tracking-test-helpers.ts";

// POST /api/v1/tracking/{record_id}/draft-message (draftRecordMessage)
let t: TestApp;
let tr: Tracked;
beforeAll(async () => {
  t = await sharedTestApp();
  tr = await trackedRecord(t, { name: "Initech", stage: "new" });
  await logInteraction(t, tr, { interaction_type: "call", summary: "Discussed the pilot", occurred_at: daysAgo(4) });
  await addTask(t, tr, { title: "Share the pilot plan", due_at: daysAhead(2) });
});

const path = (id: string) => `/api/v1/tracking/${id}/draft-message`;

describe("draftRecordMessage: happy", () => {
  it("drafts an email from the record's data without sending it", async () => {
    const res = await t.request(path(tr.recordId), { method: "POST", headers: t.as(tr.ws.owner, tr.ws), json: { message_type: "email", purpose: "follow_up", tone: "formal", recipient_name: "Peter" } });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ record_id: tr.recordId, message_type: "email", purpose: "follow_up", tone: "formal", sent: false, source: "heuristic", offline: true, provider: "offline" });
    expect(body.usage.provider).toBe("offline");
    expect(body.subject).toBe("Follow up: Initech");
    expect(body.body).toMatch(/^Dear Peter,/);
    expect(body.body).toContain("Discussed the pilot");
    expect(body.body).toContain("Share the pilot plan");
  });

  it("defaults to a friendly follow-up email without a body, and drafts SMS without a subject", async () => {
    const plain = await (await t.request(path(tr.recordId), { method: "POST", headers: t.as(tr.ws.owner, tr.ws) })).json();
    expect(plain).toMatchObject({ message_type: "email", purpose: "follow_up", tone: "friendly" });
    expect(plain.body).toMatch(/^Hi Initech,/);
    const viewer = await memberWith(t, tr, ["can_view"], "viewer");
    const sms = await (await t.request(path(tr.recordId), { method: "POST", headers: t.as(viewer, tr.ws), json: { message_type: "sms", purpose: "check_in" } })).json();
    expect(sms.subject).toBeNull();
    expect(sms.body.length).toBeLessThanOrEqual(320);
  });
});

describe("draftRecordMessage: error", () => {
  it("answers 422 for a bad message type, tone or blank purpose, and 404 for an unknown record", async () => {
    const h = t.as(tr.ws.owner, tr.ws);
    await expectProblem(await t.request(path(tr.recordId), { method: "POST", headers: h, json: { message_type: "fax" } }), 422);
    await expectProblem(await t.request(path(tr.recordId), { method: "POST", headers: h, json: { tone: "angry" } }), 422);
    await expectProblem(await t.request(path(tr.recordId), { method: "POST", headers: h, json: { purpose: "  " } }), 422);
    await expectProblem(await t.request(path(unknownId), { method: "POST", headers: h, json: {} }), 404);
  });
});

describe("draftRecordMessage: security", () => {
  it("answers 401 without credentials", async () => {
    expect((await t.request(path(tr.recordId), { method: "POST", headers: { "x-workspace-id": tr.ws.id }, json: {} })).status).toBe(401);
  });

  it("answers 404 for another workspace's record", async () => {
    const other = await trackedRecord(t);
    await expectProblem(await t.request(path(other.recordId), { method: "POST", headers: t.as(tr.ws.owner, tr.ws), json: {} }), 404);
  });

  it("answers 403 for a member without access to the recordset", async () => {
    const stranger = await memberWith(t, tr, []);
    await expectProblem(await t.request(path(tr.recordId), { method: "POST", headers: t.as(stranger, tr.ws), json: {} }), 403);
  });
});
