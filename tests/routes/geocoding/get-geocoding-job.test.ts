import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { expectProblem, unknownId } from "../records/record-test-helpers.ts";
import { addressRecordset, startGeocoding } from "./geocoding-test-helpers.ts";

// GET /api/v1/recordsets/geocode/jobs/{job_id} (getGeocodingJob)
let t: TestApp;
let ws: TestWorkspace;
let jobId: string;
beforeAll(async () => {
  t = await sharedTestApp();
  ws = await t.createWorkspace();
  jobId = await startGeocoding(t, ws, await addressRecordset(t, ws));
});

const get = (id: string, headers = t.as(ws.owner, ws)) => t.request(`/api/v1/recordsets/geocode/jobs/${id}`, { headers });

describe("getGeocodingJob: happy", () => {
  it("returns the pending job with its progress", async () => {
    const res = await get(jobId);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: jobId, job_type: "geocode", status: "pending", progress: { processed: 0, percent: 0 }, created_by: ws.owner.id });
  });

  it("shows live counts while the job runs", async () => {
    const claimed = await t.services.jobs.claim({ workerId: "test-live", limit: 100, leaseMs: 60_000, types: ["recordsets.geocode"], workspaceIds: t.workspaceIds });
    const mine = claimed.find((c) => c.job.id === jobId)!;
    for (const other of claimed) if (other !== mine) await t.services.jobs.release(other.lease);
    await t.services.jobs.progress(mine.lease, { percent: 50, message: "2 of 4 records processed: 1 geocoded, 1 not found", step: "geocode" });
    expect(await (await get(jobId)).json()).toMatchObject({ status: "running", progress: { processed: 2, total: 4, imported: 1, rejected: 1, percent: 50 } });
    await t.services.jobs.release(mine.lease);
  });

  it("is readable by any member, viewers included", async () => {
    const viewer = await t.addMember(ws, "viewer");
    expect((await get(jobId, t.as(viewer, ws))).status).toBe(200);
  });
});

describe("getGeocodingJob: error", () => {
  it("answers 404 for an unknown or malformed id, and for an export job", async () => {
    await expectProblem(await get(unknownId), 404);
    await expectProblem(await get("not-a-uuid"), 404);
    const exportJob = await t.services.jobs.enqueue({ type: "recordsets.export", workspaceId: ws.id, payload: {} });
    await expectProblem(await get(exportJob.id), 404);
  });
});

describe("getGeocodingJob: security", () => {
  it("answers 401 without credentials", async () => {
    expect((await get(jobId, { "x-workspace-id": ws.id })).status).toBe(401);
  });

  it("answers 404 for another workspace's job", async () => {
    const other = await t.createWorkspace();
    await expectProblem(await get(jobId, t.as(other.owner, other)), 404);
  });

  // Every member may read jobs (no role lacks the permission, so no 403); a non-member naming the workspace is told it does not exist.
  it("answers 404 to a non-member naming the workspace", async () => {
    const stranger = await t.createUser();
    await expectProblem(await get(jobId, t.as(stranger, ws)), 404);
  });
});
