import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { expectProblem, getJob, JOBS } from "./import-test-helpers.ts";
import { finishedImportWithReport, queuedImportJob } from "./job-fixtures.ts";

// GET /api/v1/recordsets/import/jobs/{job_id} (getImportJob)
let t: TestApp;
let ws: TestWorkspace;
beforeAll(async () => {
  t = await sharedTestApp();
  ws = await t.createWorkspace();
});

describe("getImportJob: happy", () => {
  it("shows a completed job's summary and report URL, and a queued job as pending", async () => {
    const finished = await finishedImportWithReport(t, ws);
    const job = await getJob(t, ws, finished);
    expect(job).toMatchObject({ id: finished, job_type: "import", status: "completed", error: null });
    expect(job.summary).toMatchObject({ total_rows: 22, imported: 20, rejected: 2 });
    expect((job.summary!.errors_preview as unknown[]).length).toBe(2);
    expect(job.report_url).toContain(`/api/v1/recordsets/import/error-report/${finished}?exp=`);

    const queued = await queuedImportJob(t, ws);
    const member = await t.addMember(ws, "viewer");
    expect(await getJob(t, ws, queued, member)).toMatchObject({ status: "pending", report_url: null, progress: { processed: 0, percent: 0 } });
  });
});

describe("getImportJob: error", () => {
  it("answers 404 for an unknown or malformed id", async () => {
    await expectProblem(await t.request(`${JOBS}/${crypto.randomUUID()}`, { headers: t.as(ws.owner, ws) }), 404);
    await expectProblem(await t.request(`${JOBS}/not-a-uuid`, { headers: t.as(ws.owner, ws) }), 404);
  });
});

describe("getImportJob: security", () => {
  it("needs credentials (401) and hides other workspaces' jobs (404)", async () => {
    const queued = await queuedImportJob(t, ws);
    await expectProblem(await t.request(`${JOBS}/${queued}`), 401);
    const other = await t.createWorkspace();
    await expectProblem(await t.request(`${JOBS}/${queued}`, { headers: t.as(other.owner, other) }), 404);
  });
});
