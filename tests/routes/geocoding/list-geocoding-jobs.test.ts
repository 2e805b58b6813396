import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { expectProblem } from "../records/record-test-helpers.ts";
import { addressRecordset, runGeocoding, startGeocoding } from "./geocoding-test-helpers.ts";

// GET /api/v1/recordsets/geocode/jobs (listGeocodingJobs)
let t: TestApp;
let ws: TestWorkspace;
let first: string;
let second: string;
beforeAll(async () => {
  t = await sharedTestApp();
  ws = await t.createWorkspace();
  const rs = await addressRecordset(t, ws);
  first = await startGeocoding(t, ws, rs);
  second = await startGeocoding(t, ws, rs);
  await runGeocoding(t, first);
  // An export job of the same workspace is not listed here.
  await t.services.jobs.enqueue({ type: "recordsets.export", workspaceId: ws.id, payload: {} });
});

const list = (query = "", headers = t.as(ws.owner, ws)) => t.request(`/api/v1/recordsets/geocode/jobs${query}`, { headers });

describe("listGeocodingJobs: happy", () => {
  it("lists the workspace's geocoding jobs, newest first", async () => {
    const res = await list();
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ total: 2, page: 1, page_size: 20 });
    expect(body.items.map((j: { id: string }) => j.id)).toEqual([second, first]);
    expect(body.items.every((j: { job_type: string }) => j.job_type === "geocode")).toBe(true);
  });

  it("filters by status and pages", async () => {
    const done = await (await list("?status=completed")).json();
    expect(done.items.map((j: { id: string }) => j.id)).toEqual([first]);
    const pending = await (await list("?status=pending")).json();
    expect(pending.items.map((j: { id: string }) => j.id)).toEqual([second]);
    const page2 = await (await list("?page=2&page_size=1")).json();
    expect(page2).toMatchObject({ total: 2, page: 2, page_size: 1 });
    expect(page2.items.map((j: { id: string }) => j.id)).toEqual([first]);
  });
});

describe("listGeocodingJobs: error", () => {
  it("answers 422 for a bad status or page size", async () => {
    await expectProblem(await list("?status=exploded"), 422);
    await expectProblem(await list("?page_size=1000"), 422);
  });
});

describe("listGeocodingJobs: security", () => {
  it("answers 401 without credentials", async () => {
    expect((await list("", { "x-workspace-id": ws.id })).status).toBe(401);
  });

  it("never shows another workspace's jobs", async () => {
    const other = await t.createWorkspace();
    const body = await (await list("", t.as(other.owner, other))).json();
    expect(body).toMatchObject({ items: [], total: 0 });
  });

  // Every member may read jobs (no role lacks the permission, so no 403); a non-member naming the workspace is told it does not exist.
  it("answers 404 to a non-member naming the workspace", async () => {
    const stranger = await t.createUser();
    await expectProblem(await list("", t.as(stranger, ws)), 404);
  });
});
