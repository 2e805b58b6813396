import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { expectProblem, JOBS, type JobJson } from "./import-test-helpers.ts";
import { finishedImportWithReport, queuedImportJob } from "./job-fixtures.ts";

// POST /api/v1/recordsets/import/jobs/{job_id}/cancel (cancelImportJob)
let t: TestApp;
let ws: TestWorkspace;
beforeAll(async () => {
  t = await sharedTestApp();
  ws = await t.createWorkspace();
});
const cancel = (headers: Record<string, string>, id: string) => t.request(`${JOBS}/${id}/cancel`, { method: "POST", headers });

describe("cancelImportJob: happy", () => {
  it("cancels a queued job at once, and a running one shows cancelled at once", async () => {
    const queued = await queuedImportJob(t, ws);
    const res = await cancel(t.as(ws.owner, ws), queued);
    expect(res.status).toBe(200);
    expect(((await res.json()) as JobJson).status).toBe("cancelled");

    const running = await queuedImportJob(t, ws);
    await t.database.db.updateTable("jobs").set({ status: "running", started_at: new Date(), locked_by: "w", lease_expires_at: new Date(Date.now() + 60_000), attempts: 1 }).where("id", "=", running).execute();
    const res2 = await cancel(t.as(ws.owner, ws), running);
    expect(((await res2.json()) as JobJson).status).toBe("cancelled");
    expect((await t.services.jobs.get(running))!.cancelRequestedAt).not.toBeNull();
  });
});

describe("cancelImportJob: error", () => {
  it("answers 409 for a completed job and 404 for an unknown one", async () => {
    await expectProblem(await cancel(t.as(ws.owner, ws), await finishedImportWithReport(t, ws)), 409);
    await expectProblem(await cancel(t.as(ws.owner, ws), crypto.randomUUID()), 404);
  });
});

describe("cancelImportJob: security", () => {
  it("needs credentials (401), hides other workspaces' jobs (404), and only the creator or an admin cancels (403)", async () => {
    const queued = await queuedImportJob(t, ws);
    await expectProblem(await cancel({}, queued), 401);
    const other = await t.createWorkspace();
    await expectProblem(await cancel(t.as(other.owner, other), queued), 404);
    const member = await t.addMember(ws, "member");
    await expectProblem(await cancel(t.as(member, ws), queued), 403);
  });
});
