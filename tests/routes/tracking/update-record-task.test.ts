import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp } from "../../support/test-app.ts";
import { addTask, expectProblem, memberWith, trackedRecord, unknownId, type Tracked } from "./tracking-test-helpers.ts";

// PUT /api/v1/tracking/tasks/{task_id} (updateRecordTask)
let t: TestApp;
let tr: Tracked;
beforeAll(async () => {
  t = await sharedTestApp();
  tr = await trackedRecord(t);
});

const path = (id: string) => `/api/v1/tracking/tasks/${id}`;

describe("updateRecordTask: happy", () => {
  it("changes the given fields and keeps the others", async () => {
    const task = await addTask(t, tr, { title: "Draft", description: "v1" });
    const res = await t.request(path(task.id), { method: "PUT", headers: t.as(tr.ws.owner, tr.ws), json: { title: "Final", priority: "high", due_at: "2030-01-02" } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: task.id, title: "Final", description: "v1", priority: "high", due_at: "2030-01-02T00:00:00.000Z", status: "todo" });
  });

  it("records completion when the status becomes completed and clears it when reopened", async () => {
    const task = await addTask(t, tr);
    const h = t.as(tr.ws.owner, tr.ws);
    const done = await (await t.request(path(task.id), { method: "PUT", headers: h, json: { status: "completed" } })).json();
    expect(done).toMatchObject({ status: "completed", completed_by: tr.ws.owner.id });
    expect(done.completed_at).not.toBeNull();
    const reopened = await (await t.request(path(task.id), { method: "PUT", headers: h, json: { status: "in_progress" } })).json();
    expect(reopened).toMatchObject({ status: "in_progress", completed_at: null, completed_by: null });
  });
});

describe("updateRecordTask: error", () => {
  it("answers 422 for an empty change, a bad status or a blank title, and 404 for an unknown id", async () => {
    const task = await addTask(t, tr);
    const h = t.as(tr.ws.owner, tr.ws);
    await expectProblem(await t.request(path(task.id), { method: "PUT", headers: h, json: {} }), 422);
    await expectProblem(await t.request(path(task.id), { method: "PUT", headers: h, json: { status: "finished" } }), 422);
    await expectProblem(await t.request(path(task.id), { method: "PUT", headers: h, json: { title: "" } }), 422);
    await expectProblem(await t.request(path(unknownId), { method: "PUT", headers: h, json: { title: "x" } }), 404);
  });
});

describe("updateRecordTask: security", () => {
  it("answers 401 without credentials", async () => {
    const task = await addTask(t, tr);
    expect((await t.request(path(task.id), { method: "PUT", headers: { "x-workspace-id": tr.ws.id }, json: { title: "x" } })).status).toBe(401);
  });

  it("answers 404 for another workspace's task", async () => {
    const other = await trackedRecord(t);
    const theirs = await addTask(t, other);
    await expectProblem(await t.request(path(theirs.id), { method: "PUT", headers: t.as(tr.ws.owner, tr.ws), json: { title: "x" } }), 404);
  });

  it("answers 403 for a member with view-only access", async () => {
    const task = await addTask(t, tr);
    const reader = await memberWith(t, tr, ["can_view"]);
    await expectProblem(await t.request(path(task.id), { method: "PUT", headers: t.as(reader, tr.ws), json: { title: "x" } }), 403);
  });
});
