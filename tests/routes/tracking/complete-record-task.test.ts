import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp } from "../../support/test-app.ts";
import { addTask, expectProblem, memberWith, trackedRecord, unknownId, type Tracked } from "./tracking-test-helpers.ts";

// POST /api/v1/tracking/tasks/{task_id}/complete (completeRecordTask)
let t: TestApp;
let tr: Tracked;
beforeAll(async () => {
  t = await sharedTestApp();
  tr = await trackedRecord(t);
});

const path = (id: string) => `/api/v1/tracking/tasks/${id}/complete`;

describe("completeRecordTask: happy", () => {
  it("sets the status to completed with who and when, and is idempotent", async () => {
    const task = await addTask(t, tr);
    const editor = await memberWith(t, tr, ["can_view", "can_edit"]);
    const res = await t.request(path(task.id), { method: "POST", headers: t.as(editor, tr.ws) });
    expect(res.status).toBe(200);
    const done = await res.json();
    expect(done).toMatchObject({ id: task.id, status: "completed", completed_by: editor.id, is_overdue: false });
    const again = await (await t.request(path(task.id), { method: "POST", headers: t.as(tr.ws.owner, tr.ws) })).json();
    expect(again).toMatchObject({ completed_at: done.completed_at, completed_by: editor.id });
  });
});

describe("completeRecordTask: error", () => {
  it("answers 422 for a bad id and 404 for an unknown one", async () => {
    await expectProblem(await t.request(path("abc"), { method: "POST", headers: t.as(tr.ws.owner, tr.ws) }), 422);
    await expectProblem(await t.request(path(unknownId), { method: "POST", headers: t.as(tr.ws.owner, tr.ws) }), 404);
  });
});

describe("completeRecordTask: security", () => {
  it("answers 401 without credentials", async () => {
    const task = await addTask(t, tr);
    expect((await t.request(path(task.id), { method: "POST", headers: { "x-workspace-id": tr.ws.id } })).status).toBe(401);
  });

  it("answers 404 for another workspace's task", async () => {
    const other = await trackedRecord(t);
    const theirs = await addTask(t, other);
    await expectProblem(await t.request(path(theirs.id), { method: "POST", headers: t.as(tr.ws.owner, tr.ws) }), 404);
  });

  it("answers 403 for a viewer", async () => {
    const task = await addTask(t, tr);
    const viewer = await memberWith(t, tr, ["can_view"], "viewer");
    await expectProblem(await t.request(path(task.id), { method: "POST", headers: t.as(viewer, tr.ws) }), 403);
  });
});
