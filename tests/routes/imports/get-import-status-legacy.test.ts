import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { expectProblem } from "./import-test-helpers.ts";
import { finishedImportWithReport, queuedImportJob } from "./job-fixtures.ts";

// GET /api/v1/recordsets/import/status/{job_id} (getImportStatusLegacy)
let t: TestApp;
let ws: TestWorkspace;
beforeAll(async () => {
  t = await sharedTestApp();
  ws = await t.createWorkspace();
});
const status = (headers: Record<string, string>, id: string) => t.request(`/api/v1/recordsets/import/status/${id}`, { headers });

describe("getImportStatusLegacy: happy", () => {
  it("returns the flat status of a finished import", async () => {
    const id = await finishedImportWithReport(t, ws);
    const res = await status(t.as(ws.owner, ws), id);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ job_id: id, status: "completed", progress: 100, total_rows: 22, processed_rows: 22, imported_rows: 20, error_rows: 2, error: null });
  });
});

describe("getImportStatusLegacy: error", () => {
  it("answers 404 for an unknown job", async () => {
    await expectProblem(await status(t.as(ws.owner, ws), crypto.randomUUID()), 404);
  });
});

describe("getImportStatusLegacy: security", () => {
  it("needs credentials (401) and hides other workspaces' jobs (404)", async () => {
    const id = await queuedImportJob(t, ws);
    await expectProblem(await status({}, id), 401);
    const other = await t.createWorkspace();
    await expectProblem(await status(t.as(other.owner, other), id), 404);
  });
});
