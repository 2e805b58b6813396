import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestUser, type TestWorkspace } from "../../support/test-app.ts";
import { EVERY_ROLE_GETS_200, expectUnauthenticated, memberWithoutActivityView, runExport, seedEvent, startExport } from "./activity-helpers.ts";

// POST /api/v1/activity/export (startActivityExport)
let t: TestApp;
let ws: TestWorkspace;
let ada: TestUser;

beforeAll(async () => {
  t = await sharedTestApp();
  ws = await t.createWorkspace();
  ada = await t.addMember(ws, "member");
  await seedEvent(t, ws, { type: "record.created", actor: ada, name: "=HYPERLINK(\"http://evil\")", occurredAt: new Date("2026-01-01T00:00:00Z") });
  await seedEvent(t, ws, { type: "goal.created", actor: ws.owner, name: "Plain, with \"quotes\"", occurredAt: new Date("2026-01-02T00:00:00Z") });
  await seedEvent(t, ws, { type: "team.created", actor: ws.owner, name: "@team", occurredAt: new Date("2026-01-03T00:00:00Z") });
});

async function download(user: TestUser, jobId: string): Promise<string> {
  const res = await t.request(`/api/v1/activity/export/jobs/${jobId}/download`, { headers: t.as(user, ws) });
  expect(res.status).toBe(200);
  return await res.text();
}

describe("startActivityExport: happy", () => {
  it("queues a CSV export at once; the job writes every matching row, neutralising formulas", async () => {
    const res = await t.request("/api/v1/activity/export", { method: "POST", headers: t.as(ada, ws), json: {} });
    expect(res.status).toBe(200);
    const job = (await res.json()) as Record<string, unknown>;
    expect(job).toMatchObject({ status: "queued", format: "csv", output_data: null, status_url: `/api/v1/activity/export/jobs/${job.job_id}` });

    const done = await runExport(t, ada, ws, job.job_id as string);
    expect(done.output_data).toMatchObject({ row_count: 3, content_type: "text/csv; charset=utf-8" });
    const csv = await download(ada, job.job_id as string);
    const lines = csv.trim().split("\n");
    expect(lines[0]).toBe("occurred_at,type,actor_id,actor_name,entity_type,entity_id,entity_name,metadata");
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain("'@team");
    expect(csv).toContain(`"Plain, with ""quotes"""`);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(csv).not.toMatch(/,=HYPERLINK/);
  });

  it("exports JSON with the feed's filters, and notifies the requester with an activity_export.completed event", async () => {
    const jobId = await startExport(t, ada, ws, { format: "json", types: "record,goal", start_date: "2026-01-02T00:00:00Z" });
    await runExport(t, ada, ws, jobId);
    const rows = JSON.parse(await download(ada, jobId)) as Array<Record<string, unknown>>;
    expect(rows.map((r) => r.type)).toEqual(["goal.created"]);
    expect(rows[0]).toMatchObject({ entity_name: 'Plain, with "quotes"', actor_id: ws.owner.id });

    const feed = await t.request("/api/v1/activity/feed?types=activity_export&scope=mine", { headers: t.as(ada, ws) });
    const items = ((await feed.json()) as { items: Array<Record<string, unknown>> }).items;
    expect(items.find((i) => i.entity_id === jobId)).toMatchObject({ type: "activity_export.completed", audience: [ada.id] });
  });

  it("exports an empty JSON array when nothing matches", async () => {
    const jobId = await startExport(t, ada, ws, { format: "json", search: "nothing-matches-this" });
    const done = await runExport(t, ada, ws, jobId);
    expect(done.output_data).toMatchObject({ row_count: 0 });
    expect(JSON.parse(await download(ada, jobId))).toEqual([]);
  });
});

describe("startActivityExport: error", () => {
  it.each([[{ format: "xlsx" }], [{ scope: "nobody" }], [{ user_ids: "x" }], [{ start_date: "2026-02-01T00:00:00Z", end_date: "2026-01-01T00:00:00Z" }]])(
    "answers 422 problem+json for %j",
    async (body) => {
      const res = await t.request("/api/v1/activity/export", { method: "POST", headers: t.as(ada, ws), json: body });
      expect(res.status).toBe(422);
      expect(res.headers.get("content-type")).toMatch(/problem\+json/);
    },
  );
});

describe("startActivityExport: security", () => {
  it("answers 401 without credentials", async () => {
    await expectUnauthenticated(t, ws, "/api/v1/activity/export", { method: "POST", json: {} });
  });

  it("answers 404 for a workspace the caller is not in", async () => {
    const other = await t.createWorkspace();
    expect((await t.request("/api/v1/activity/export", { method: "POST", headers: t.as(other.owner, ws), json: {} })).status).toBe(404);
  });

  it.each(EVERY_ROLE_GETS_200)("role %s gets %i", async (role, status) => {
    const user = await t.addMember(ws, role);
    expect((await t.request("/api/v1/activity/export", { method: "POST", headers: t.as(user, ws), json: {} })).status).toBe(status);
  });

  it("answers 403 when the workspace withdrew can_view_activity from a role", async () => {
    const { workspace: own, user: viewer } = await memberWithoutActivityView(t, "viewer");
    expect((await t.request("/api/v1/activity/export", { method: "POST", headers: t.as(viewer, own), json: {} })).status).toBe(403);
  });
});
