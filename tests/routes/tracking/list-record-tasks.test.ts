import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp } from "../../support/test-app.ts";
import { addTask, daysAgo, daysAhead, expectProblem, memberWith, trackedRecord, unknownId, type Tracked } from "./tracking-test-helpers.ts";

// GET /api/v1/tracking/{record_id}/tasks (listRecordTasks)
let t: TestApp;
let tr: Tracked;
beforeAll(async () => {
  t = await sharedTestApp();
  tr = await trackedRecord(t);
  await addTask(t, tr, { title: "Later", due_at: daysAhead(10), priority: "low" });
  await addTask(t, tr, { title: "Overdue", due_at: daysAgo(1), priority: "high" });
  await addTask(t, tr, { title: "Undated", priority: "high" });
  await addTask(t, tr, { title: "Done", status: "completed" });
  await addTask(t, tr, { title: "Dropped", status: "cancelled" });
});

const path = (id: string, q = "") => `/api/v1/tracking/${id}/tasks${q}`;
const titles = async (res: Response) => ((await res.json()) as { items: { title: string }[] }).items.map((i) => i.title);

describe("listRecordTasks: happy", () => {
  it("lists open tasks by due date first and leaves completed ones out by default", async () => {
    const res = await t.request(path(tr.recordId), { headers: t.as(tr.ws.owner, tr.ws) });
    expect(res.status).toBe(200);
    expect(await titles(res)).toEqual(["Overdue", "Later", "Undated", "Dropped"]);
  });

  it("includes completed tasks with include_completed=true and paginates", async () => {
    const all = await (await t.request(path(tr.recordId, "?include_completed=true"), { headers: t.as(tr.ws.owner, tr.ws) })).json();
    expect(all.total).toBe(5);
    const page = await (await t.request(path(tr.recordId, "?include_completed=true&page=2&page_size=2"), { headers: t.as(tr.ws.owner, tr.ws) })).json();
    expect(page).toMatchObject({ total: 5, page: 2, page_size: 2 });
    expect(page.items).toHaveLength(2);
  });

  it("filters by status and priority", async () => {
    const viewer = await memberWith(t, tr, ["can_view"], "viewer");
    expect(await titles(await t.request(path(tr.recordId, "?status=completed"), { headers: t.as(viewer, tr.ws) }))).toEqual(["Done"]);
    expect(await titles(await t.request(path(tr.recordId, "?priority=high"), { headers: t.as(viewer, tr.ws) }))).toEqual(["Overdue", "Undated"]);
  });
});

describe("listRecordTasks: error", () => {
  it("answers 422 for a bad status, priority or flag, and 404 for an unknown record", async () => {
    const h = t.as(tr.ws.owner, tr.ws);
    await expectProblem(await t.request(path(tr.recordId, "?status=done"), { headers: h }), 422);
    await expectProblem(await t.request(path(tr.recordId, "?priority=asap"), { headers: h }), 422);
    await expectProblem(await t.request(path(tr.recordId, "?include_completed=yes"), { headers: h }), 422);
    await expectProblem(await t.request(path(unknownId), { headers: h }), 404);
  });
});

describe("listRecordTasks: security", () => {
  it("answers 401 without credentials", async () => {
    expect((await t.request(path(tr.recordId), { headers: { "x-workspace-id": tr.ws.id } })).status).toBe(401);
  });

  it("answers 404 for another workspace's record", async () => {
    const other = await trackedRecord(t);
    await expectProblem(await t.request(path(other.recordId), { headers: t.as(tr.ws.owner, tr.ws) }), 404);
  });

  it("answers 403 for a member without access to the recordset", async () => {
    const stranger = await memberWith(t, tr, []);
    await expectProblem(await t.request(path(tr.recordId), { headers: t.as(stranger, tr.ws) }), 403);
  });
});
