import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { expectProblem, JOBS } from "./import-test-helpers.ts";
import { finishedImportWithReport, queuedImportJob } from "./job-fixtures.ts";

// GET /api/v1/recordsets/import/jobs/{job_id}/report-url (getImportReportUrl)
let t: TestApp;
let ws: TestWorkspace;
let finished: string;
beforeAll(async () => {
  t = await sharedTestApp();
  ws = await t.createWorkspace();
  finished = await finishedImportWithReport(t, ws);
});
const reportUrl = (headers: Record<string, string>, id: string) => t.request(`${JOBS}/${id}/report-url`, { headers });

describe("getImportReportUrl: happy", () => {
  it("signs a fresh URL that downloads the report", async () => {
    const res = await reportUrl(t.as(ws.owner, ws), finished);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { report_url: string; expires_at: string };
    const url = new URL(body.report_url);
    const file = await t.request(url.pathname + url.search);
    expect(file.status).toBe(200);
    expect(await file.text()).toContain("row_number,column,reason");
  });
});

describe("getImportReportUrl: error", () => {
  it("answers 404 for a job without a report", async () => {
    await expectProblem(await reportUrl(t.as(ws.owner, ws), await queuedImportJob(t, ws)), 404);
  });
});

describe("getImportReportUrl: security", () => {
  it("needs credentials (401) and hides other workspaces' jobs (404)", async () => {
    await expectProblem(await reportUrl({}, finished), 401);
    const other = await t.createWorkspace();
    await expectProblem(await reportUrl(t.as(other.owner, other), finished), 404);
  });
});
