import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { expectProblem, JOBS } from "./import-test-helpers.ts";
import { finishedImportWithReport, queuedImportJob } from "./job-fixtures.ts";

// DELETE /api/v1/recordsets/import/jobs/{job_id} (deleteImportJob)
let t: TestApp;
let ws: TestWorkspace;
beforeAll(async () => {
  t = await sharedTestApp();
  ws = await t.createWorkspace();
});
const remove = (headers: Record<string, string>, id: string) => t.request(`${JOBS}/${id}`, { method: "DELETE", headers });

describe("deleteImportJob: happy", () => {
  it("deletes a finished job from history (204)", async () => {
    const id = await finishedImportWithReport(t, ws);
    const res = await remove(t.as(ws.owner, ws), id);
    expect(res.status).toBe(204);
    await expectProblem(await t.request(`${JOBS}/${id}`, { headers: t.as(ws.owner, ws) }), 404);
  });
});

describe("deleteImportJob: error", () => {
  it("answers 409 while the job is pending, 404 when unknown", async () => {
    await expectProblem(await remove(t.as(ws.owner, ws), await queuedImportJob(t, ws)), 409);
    await expectProblem(await remove(t.as(ws.owner, ws), crypto.randomUUID()), 404);
  });
});

describe("deleteImportJob: security", () => {
  it("needs credentials (401), hides other workspaces' jobs (404), creator or admin only (403)", async () => {
    const id = await queuedImportJob(t, ws);
    await t.services.jobs.cancel(id);
    await expectProblem(await remove({}, id), 401);
    const other = await t.createWorkspace();
    await expectProblem(await remove(t.as(other.owner, other), id), 404);
    const member = await t.addMember(ws, "member");
    await expectProblem(await remove(t.as(member, ws), id), 403);
  });
});
