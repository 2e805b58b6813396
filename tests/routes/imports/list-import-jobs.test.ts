import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { expectProblem, JOBS, type JobJson } from "./import-test-helpers.ts";
import { finishedImportWithReport, queuedImportJob } from "./job-fixtures.ts";

// GET /api/v1/recordsets/import/jobs (listImportJobs)
let t: TestApp;
let ws: TestWorkspace;
let queued: string;
let finished: string;
beforeAll(async () => {
  t = await sharedTestApp();
  ws = await t.createWorkspace();
  finished = await finishedImportWithReport(t, ws);
  queued = await queuedImportJob(t, ws);
});
const list = (headers: Record<string, string>, query = "") => t.request(`${JOBS}${query}`, { headers });

describe("listImportJobs: happy", () => {
  it("lists the workspace's jobs newest first, filtered by status and type", async () => {
    const res = await list(t.as(ws.owner, ws));
    expect(res.status).toBe(200);
    const page = (await res.json()) as { items: JobJson[]; total: number; page: number; page_size: number };
    expect(page).toMatchObject({ total: 2, page: 1, page_size: 20 });
    expect(page.items.map((j) => j.id)).toEqual([queued, finished]);
    const done = (await (await list(t.as(ws.owner, ws), "?status=completed")).json()) as { items: JobJson[] };
    expect(done.items.map((j) => [j.id, j.status])).toEqual([[finished, "completed"]]);
    const pending = (await (await list(t.as(ws.owner, ws), "?status=pending&job_type=import")).json()) as { items: JobJson[] };
    expect(pending.items.map((j) => j.id)).toEqual([queued]);
    const exports = (await (await list(t.as(ws.owner, ws), "?job_type=export")).json()) as { total: number };
    expect(exports.total).toBe(0);
    const paged = (await (await list(t.as(ws.owner, ws), "?page=2&page_size=1")).json()) as { items: JobJson[] };
    expect(paged.items.map((j) => j.id)).toEqual([finished]);
  });
});

describe("listImportJobs: error", () => {
  it.each(["?status=done", "?job_type=geocode", "?page=0", "?page_size=1000"])("answers 422 for %s", async (query) => {
    await expectProblem(await list(t.as(ws.owner, ws), query), 422);
  });
});

describe("listImportJobs: security", () => {
  it("needs credentials (401)", async () => {
    await expectProblem(await list({}), 401);
  });

  it("shows only the workspace's own jobs", async () => {
    const other = await t.createWorkspace();
    const page = (await (await list(t.as(other.owner, other))).json()) as { total: number };
    expect(page.total).toBe(0);
    const res = await list(t.as(other.owner, ws));
    expect([403, 404]).toContain(res.status);
  });
});
