import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { buildSignedUrl } from "../../../core/signing/url-signature.ts";
import { expectProblem, getJob } from "./import-test-helpers.ts";
import { finishedImportWithReport, queuedImportJob } from "./job-fixtures.ts";

// GET /api/v1/recordsets/import/error-report/{job_id} (downloadImportErrorReport)
let t: TestApp;
let ws: TestWorkspace;
let finished: string;
beforeAll(async () => {
  t = await sharedTestApp();
  ws = await t.createWorkspace();
  finished = await finishedImportWithReport(t, ws);
});
const path = (id: string) => `/api/v1/recordsets/import/error-report/${id}`;
const signed = (id: string, seconds = 60, now = new Date()) => {
  const { url } = buildSignedUrl(t.services.secrets.urlSigning, "GET", "http://localhost", path(id), seconds, now);
  const u = new URL(url);
  return u.pathname + u.search;
};

describe("downloadImportErrorReport: happy", () => {
  it("streams the CSV with the signed URL alone, formulas neutralised", async () => {
    const job = await getJob(t, ws, finished);
    const url = new URL(job.report_url!);
    const res = await t.request(url.pathname + url.search);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    expect(res.headers.get("content-disposition")).toContain("attachment");
    const lines = (await res.text()).trim().split("\n");
    expect(lines).toEqual(["row_number,column,reason", '22,Count,"""x"" is not a number"', '23,Count,"""y"" is not a number"']);
  });
});

describe("downloadImportErrorReport: error", () => {
  it("answers 404 for a job without a report", async () => {
    await expectProblem(await t.request(signed(await queuedImportJob(t, ws))), 404);
  });
});

describe("downloadImportErrorReport: security", () => {
  it("refuses a missing or forged signature (401) and an expired one (403)", async () => {
    await expectProblem(await t.request(path(finished)), 401);
    await expectProblem(await t.request(`${path(finished)}?exp=9999999999&sig=forged`), 401);
    await expectProblem(await t.request(signed(finished, 60, new Date(Date.now() - 3_600_000))), 403);
  });

  it("a URL signed for one job does not open another", async () => {
    const other = await t.createWorkspace();
    const theirs = await finishedImportWithReport(t, other);
    const mine = new URL(signed(finished), "http://localhost");
    await expectProblem(await t.request(`${path(theirs)}${mine.search}`), 401);
  });
});
