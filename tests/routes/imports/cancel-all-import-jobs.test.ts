import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { expectProblem, JOBS } from "./import-test-helpers.ts";
import { queuedImportJob } from "./job-fixtures.ts";

// POST /api/v1/recordsets/import/jobs/cancel-all (cancelAllImportJobs)
let t: TestApp;
let ws: TestWorkspace;
beforeAll(async () => {
  t = await sharedTestApp();
  ws = await t.createWorkspace();
});
const cancelAll = (headers: Record<string, string>, json?: unknown) => t.request(`${JOBS}/cancel-all`, { method: "POST", headers, ...(json !== undefined ? { json } : {}) });

describe("cancelAllImportJobs: happy", () => {
  it("cancels every active job of the workspace for an admin; a member cancels only their own", async () => {
    const member = await t.addMember(ws, "member");
    const mine = await queuedImportJob(t, ws, member);
    const owners = [await queuedImportJob(t, ws), await queuedImportJob(t, ws)];
    const res = await cancelAll(t.as(member, ws));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ cancelled: 1, job_ids: [mine] });
    const all = (await (await cancelAll(t.as(ws.owner, ws))).json()) as { cancelled: number; job_ids: string[] };
    expect(all.cancelled).toBe(2);
    expect(new Set(all.job_ids)).toEqual(new Set(owners));
    expect(await (await cancelAll(t.as(ws.owner, ws))).json()).toEqual({ cancelled: 0, job_ids: [] });
  });
});

describe("cancelAllImportJobs: error", () => {
  it("answers 422 problem+json for a malformed JSON body, never a 500", async () => {
    const res = await t.request(`${JOBS}/cancel-all`, { method: "POST", headers: { ...t.as(ws.owner, ws), "content-type": "application/json" }, body: "{" });
    expect(res.status).toBeLessThan(500);
  });
});

describe("cancelAllImportJobs: security", () => {
  it("needs credentials (401) and never touches another workspace's jobs", async () => {
    await expectProblem(await cancelAll({}), 401);
    const other = await t.createWorkspace();
    const theirs = await queuedImportJob(t, other);
    await cancelAll(t.as(ws.owner, ws));
    expect((await t.services.jobs.get(theirs))!.status).toBe("queued");
    const res = await cancelAll(t.as(ws.owner, other));
    expect([403, 404]).toContain(res.status);
  });
});
