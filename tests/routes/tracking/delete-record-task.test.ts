import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp } from "../../support/test-app.ts";
import { addTask, expectProblem, memberWith, trackedRecord, unknownId, type Tracked } from "./tracking-test-helpers.ts";

// DELETE /api/v1/tracking/tasks/{task_id} (deleteRecordTask)
let t: TestApp;
let tr: Tracked;
beforeAll(async () => {
  t = await sharedTestApp();
  tr = await trackedRecord(t);
});

const path = (id: string) => `/api/v1/tracking/tasks/${id}`;

describe("deleteRecordTask: happy", () => {
  it("deletes it with a JSON confirmation; it leaves the list", async () => {
    const task = await addTask(t, tr);
    const res = await t.request(path(task.id), { method: "DELETE", headers: t.as(tr.ws.owner, tr.ws) });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ deleted: true, id: task.id });
    const list = await (await t.request(`/api/v1/tracking/${tr.recordId}/tasks?include_completed=true`, { headers: t.as(tr.ws.owner, tr.ws) })).json();
    expect(list.items.map((i: { id: string }) => i.id)).not.toContain(task.id);
  });
});

describe("deleteRecordTask: error", () => {
  it("answers 422 for a bad id and 404 for an unknown or deleted one", async () => {
    const task = await addTask(t, tr);
    const h = t.as(tr.ws.owner, tr.ws);
    await expectProblem(await t.request(path("abc"), { method: "DELETE", headers: h }), 422);
    await expectProblem(await t.request(path(unknownId), { method: "DELETE", headers: h }), 404);
    expect((await t.request(path(task.id), { method: "DELETE", headers: h })).status).toBe(200);
    await expectProblem(await t.request(path(task.id), { method: "DELETE", headers: h }), 404);
  });
});

describe("deleteRecordTask: security", () => {
  it("answers 401 without credentials", async () => {
    const task = await addTask(t, tr);
    expect((await t.request(path(task.id), { method: "DELETE", headers: { "x-workspace-id": tr.ws.id } })).status).toBe(401);
  });

  it("answers 404 for another workspace's task", async () => {
    const other = await trackedRecord(t);
    const theirs = await addTask(t, other);
    await expectProblem(await t.request(path(theirs.id), { method: "DELETE", headers: t.as(tr.ws.owner, tr.ws) }), 404);
  });

  it("answers 403 for a member with view-only access", async () => {
    const task = await addTask(t, tr);
    const reader = await memberWith(t, tr, ["can_view"]);
    await expectProblem(await t.request(path(task.id), { method: "DELETE", headers: t.as(reader, tr.ws) }), 403);
  });
});
