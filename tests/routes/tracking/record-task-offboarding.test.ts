import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp } from "../../support/test-app.ts";
import { addTask, trackedRecord } from "./tracking-test-helpers.ts";

// Member offboarding sees open record tasks assigned to the leaving member and moves them.
let t: TestApp;
beforeAll(async () => {
  t = await sharedTestApp();
});

describe("record tasks as member items", () => {
  it("counts a member's open assigned tasks and reassigns them", async () => {
    const tracked = await trackedRecord(t);
    const leaving = await t.addMember(tracked.ws, "member");
    const target = await t.addMember(tracked.ws, "member");
    const open = await addTask(t, tracked, { title: "Call back", assignee_id: leaving.id });
    const done = await addTask(t, tracked, { title: "Old", assignee_id: leaving.id });
    await t.request(`/api/v1/tracking/tasks/${done.id}/complete`, { method: "POST", headers: t.as(tracked.ws.owner, tracked.ws) });
    const headers = t.as(tracked.ws.owner, tracked.ws);
    const info = await (await t.request(`/api/v1/members/${leaving.id}/deletion-info`, { headers })).json();
    expect(info.item_counts.record_task).toBe(1);
    const moved = await t.request(`/api/v1/members/${leaving.id}/reassign`, { method: "POST", headers, json: { target_member_id: target.id } });
    expect((await moved.json()).reassigned.record_task).toBe(1);
    const tasks = await (await t.request(`/api/v1/tracking/${tracked.recordId}/tasks`, { headers })).json();
    expect(tasks.items.find((task: { id: string }) => task.id === open.id).assignee_id).toBe(target.id);
  });
});
