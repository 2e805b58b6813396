import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestUser, type TestWorkspace } from "../../support/test-app.ts";
import { EVERY_ROLE_GETS_200, expectUnauthenticated, memberWithoutActivityView, startExport } from "./activity-helpers.ts";

// GET /api/v1/activity/export/jobs (listActivityExportJobs)
let t: TestApp;
let ws: TestWorkspace;
let ada: TestUser;
let mine: string[];
type JobList = { items: Array<Record<string, unknown>>; total: number; limit: number; offset: number };

beforeAll(async () => {
  t = await sharedTestApp();
  ws = await t.createWorkspace();
  ada = await t.addMember(ws, "viewer");
  mine = [];
  for (const format of ["csv", "json", "csv"]) mine.push(await startExport(t, ada, ws, { format }));
  // Someone else's job in the same workspace, and Ada's job in another workspace.
  await startExport(t, ws.owner, ws);
  const other = await t.createWorkspace();
  await t.addMember(other, "member", ada);
  await startExport(t, ada, other);
});

describe("listActivityExportJobs: happy", () => {
  it("lists only the caller's jobs in this workspace, newest first", async () => {
    const res = await t.request("/api/v1/activity/export/jobs", { headers: t.as(ada, ws) });
    expect(res.status).toBe(200);
    const body = (await res.json()) as JobList;
    expect(body.total).toBe(3);
    expect(body.items.map((j) => j.job_id)).toEqual([...mine].reverse());
    // The shared test app's workers may already have run the job, so only its shape is fixed here.
    expect(body.items[1]).toMatchObject({ format: "json" });
    expect(["queued", "running", "succeeded"]).toContain(body.items[1]?.status);
  });

  it("pages with limit and offset", async () => {
    const body = (await (await t.request("/api/v1/activity/export/jobs?limit=1&offset=1", { headers: t.as(ada, ws) })).json()) as JobList;
    expect(body).toMatchObject({ total: 3, limit: 1, offset: 1 });
    expect(body.items.map((j) => j.job_id)).toEqual([mine[1]]);
  });
});

describe("listActivityExportJobs: error", () => {
  it.each([["?limit=0"], ["?limit=101"], ["?offset=-2"]])("answers 422 problem+json for %s", async (query) => {
    const res = await t.request(`/api/v1/activity/export/jobs${query}`, { headers: t.as(ada, ws) });
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toMatch(/problem\+json/);
  });
});

describe("listActivityExportJobs: security", () => {
  it("answers 401 without credentials", async () => {
    await expectUnauthenticated(t, ws, "/api/v1/activity/export/jobs");
  });

  it("answers 404 for a workspace the caller is not in", async () => {
    const stranger = await t.createWorkspace();
    expect((await t.request("/api/v1/activity/export/jobs", { headers: t.as(stranger.owner, ws) })).status).toBe(404);
  });

  it.each(EVERY_ROLE_GETS_200)("role %s gets %i (and sees none of the others' jobs)", async (role, status) => {
    const user = await t.addMember(ws, role);
    const res = await t.request("/api/v1/activity/export/jobs", { headers: t.as(user, ws) });
    expect(res.status).toBe(status);
    expect(((await res.json()) as JobList).total).toBe(0);
  });

  it("answers 403 when the workspace withdrew can_view_activity from a role", async () => {
    const { workspace: own, user: viewer } = await memberWithoutActivityView(t, "viewer");
    expect((await t.request("/api/v1/activity/export/jobs", { headers: t.as(viewer, own) })).status).toBe(403);
  });
});
