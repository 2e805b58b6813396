import { beforeAll, describe, expect, it } from "vitest";
import { newId } from "../../../core/ids.ts";
import { sharedTestApp, type TestApp, type TestUser, type TestWorkspace } from "../../support/test-app.ts";
import { expectUnauthenticated, runExport, seedEvent, startExport, withdrawActivityView } from "./activity-helpers.ts";

// GET /api/v1/activity/export/jobs/{job_id} (getActivityExportJob)
let t: TestApp;
let ws: TestWorkspace;
let ada: TestUser;
let jobId: string;

beforeAll(async () => {
  t = await sharedTestApp();
  ws = await t.createWorkspace();
  ada = await t.addMember(ws, "member");
  await seedEvent(t, ws, { type: "record.created", actor: ada, name: "Row" });
  jobId = await startExport(t, ada, ws);
});

const get = (user: TestUser, id: string, workspace = ws) => t.request(`/api/v1/activity/export/jobs/${id}`, { headers: t.as(user, workspace) });

describe("getActivityExportJob: happy", () => {
  it("shows a queued job without output, then the finished job with a working signed download URL", async () => {
    const queued = (await (await get(ada, jobId)).json()) as Record<string, unknown>;
    expect(queued).toMatchObject({ job_id: jobId, status: "queued", progress: 0, output_data: null, error: null, finished_at: null });

    const done = await runExport(t, ada, ws, jobId);
    const output = done.output_data as Record<string, unknown>;
    expect(output).toMatchObject({ row_count: 1, content_type: "text/csv; charset=utf-8" });
    expect(done.progress).toBe(100);
    expect(typeof done.finished_at).toBe("string");
    const url = new URL(output.download_url as string);
    const file = await t.request(`${url.pathname}${url.search}`);
    expect(file.status).toBe(200);
    expect(await file.text()).toContain("record.created");
  });
});

describe("getActivityExportJob: error", () => {
  it("answers 422 problem+json for a malformed job id", async () => {
    const res = await get(ada, "not-a-uuid");
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toMatch(/problem\+json/);
  });

  it("answers 404 for an unknown job, and for a job that is not an activity export", async () => {
    expect((await get(ada, newId())).status).toBe(404);
    const other = await t.services.jobs.enqueue({ type: "tenants.migrate", workspaceId: ws.id, createdBy: ada.id, payload: {}, runAt: new Date(Date.now() + 86_400_000) });
    expect((await get(ada, other.id)).status).toBe(404);
  });
});

describe("getActivityExportJob: security", () => {
  it("answers 401 without credentials", async () => {
    await expectUnauthenticated(t, ws, `/api/v1/activity/export/jobs/${jobId}`);
  });

  it("answers 404 for another workspace's job and for another user's job", async () => {
    const other = await t.createWorkspace();
    const theirs = await startExport(t, other.owner, other);
    expect((await get(ada, theirs)).status).toBe(404);
    expect((await get(other.owner, jobId, other)).status).toBe(404);
    // Same workspace, another member: jobs are personal.
    expect((await get(ws.owner, jobId)).status).toBe(404);
  });

  it.each([
    ["admin", 404],
    ["viewer", 404],
  ] as const)("role %s gets %i for someone else's job", async (role, status) => {
    const user = await t.addMember(ws, role);
    expect((await get(user, jobId)).status).toBe(status);
  });

  it("answers 403 when the workspace withdrew can_view_activity from the caller's role", async () => {
    const own = await t.createWorkspace();
    const viewer = await t.addMember(own, "viewer");
    const job = await startExport(t, viewer, own);
    await withdrawActivityView(t, own, "viewer");
    expect((await get(viewer, job, own)).status).toBe(403);
  });
});
