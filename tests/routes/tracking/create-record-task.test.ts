import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp } from "../../support/test-app.ts";
import { daysAgo, daysAhead, expectProblem, memberWith, trackedRecord, unknownId, type Tracked } from "./tracking-test-helpers.ts";

// POST /api/v1/tracking/{record_id}/tasks (createRecordTask)
let t: TestApp;
let tr: Tracked;
beforeAll(async () => {
  t = await sharedTestApp();
  tr = await trackedRecord(t);
});

const path = (id: string) => `/api/v1/tracking/${id}/tasks`;

describe("createRecordTask: happy", () => {
  it("creates the task linked to the record with defaults", async () => {
    const due = daysAhead(3);
    const res = await t.request(path(tr.recordId), { method: "POST", headers: t.as(tr.ws.owner, tr.ws), json: { title: " Send the proposal ", due_at: due } });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ record_id: tr.recordId, title: "Send the proposal", status: "todo", priority: "medium", is_overdue: false, assignee_id: null, completed_at: null, created_by: tr.ws.owner.id });
    expect(body.due_at).toBe(new Date(due).toISOString());
  });

  it("takes priority, status, a date-only due date and an assignee; a past due date is overdue", async () => {
    const assignee = await memberWith(t, tr, ["can_view"]);
    const res = await t.request(path(tr.recordId), {
      method: "POST",
      headers: t.as(tr.ws.owner, tr.ws),
      json: { title: "Call back", priority: "urgent", status: "in_progress", due_at: daysAgo(2).slice(0, 10), assignee_id: assignee.id, description: "Ask about budget" },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ priority: "urgent", status: "in_progress", is_overdue: true, assignee_id: assignee.id, description: "Ask about budget" });
  });
});

describe("createRecordTask: error", () => {
  it("answers 422 for a missing or blank title, a bad priority or date, or an assignee who is not a member", async () => {
    const h = t.as(tr.ws.owner, tr.ws);
    await expectProblem(await t.request(path(tr.recordId), { method: "POST", headers: h, json: {} }), 422);
    await expectProblem(await t.request(path(tr.recordId), { method: "POST", headers: h, json: { title: "  " } }), 422);
    await expectProblem(await t.request(path(tr.recordId), { method: "POST", headers: h, json: { title: "x", priority: "asap" } }), 422);
    await expectProblem(await t.request(path(tr.recordId), { method: "POST", headers: h, json: { title: "x", due_at: "next week" } }), 422);
    const problem = await expectProblem(await t.request(path(tr.recordId), { method: "POST", headers: h, json: { title: "x", assignee_id: unknownId } }), 422);
    expect(JSON.stringify(problem)).toContain("assignee_id");
  });

  it("answers 404 for an unknown record", async () => {
    await expectProblem(await t.request(path(unknownId), { method: "POST", headers: t.as(tr.ws.owner, tr.ws), json: { title: "x" } }), 404);
  });
});

describe("createRecordTask: security", () => {
  it("answers 401 without credentials", async () => {
    expect((await t.request(path(tr.recordId), { method: "POST", headers: { "x-workspace-id": tr.ws.id }, json: { title: "x" } })).status).toBe(401);
  });

  it("answers 404 for another workspace's record", async () => {
    const other = await trackedRecord(t);
    await expectProblem(await t.request(path(other.recordId), { method: "POST", headers: t.as(tr.ws.owner, tr.ws), json: { title: "x" } }), 404);
  });

  it("answers 403 for a member with view-only access", async () => {
    const reader = await memberWith(t, tr, ["can_view"]);
    await expectProblem(await t.request(path(tr.recordId), { method: "POST", headers: t.as(reader, tr.ws), json: { title: "x" } }), 403);
  });
});
