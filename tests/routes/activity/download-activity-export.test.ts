import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestUser, type TestWorkspace } from "../../support/test-app.ts";
import { expectConflictWhileUnfinished, expectMalformedAndUnknownJobIds, expectUnauthenticated, finishedExportWithoutActivityView, runExport, seedEvent, startExport } from "./activity-helpers.ts";

// GET /api/v1/activity/export/jobs/{job_id}/download (downloadActivityExport)
let t: TestApp;
let ws: TestWorkspace;
let ada: TestUser;
let finished: string;

beforeAll(async () => {
  t = await sharedTestApp();
  ws = await t.createWorkspace();
  ada = await t.addMember(ws, "viewer");
  await seedEvent(t, ws, { type: "goal.created", actor: ada, name: "Grow" });
  finished = await startExport(t, ada, ws, { format: "json" });
  await runExport(t, ada, ws, finished);
});

const download = (user: TestUser, id: string, workspace = ws) =>
  t.request(`/api/v1/activity/export/jobs/${id}/download`, { headers: t.as(user, workspace) });

describe("downloadActivityExport: happy", () => {
  it("streams the finished file as an attachment", async () => {
    const res = await download(ada, finished);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="activity-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}\.json"$/);
    const rows = (await res.json()) as Array<Record<string, unknown>>;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ type: "goal.created", entity_name: "Grow", actor_id: ada.id });
  });
});

describe("downloadActivityExport: error", () => {
  it("answers 409 while the job is not finished", async () => {
    await expectConflictWhileUnfinished(t, ada, ws, (id) => download(ada, id));
  });

  it("answers 422 for a malformed id and 404 for an unknown one", async () => {
    await expectMalformedAndUnknownJobIds((id) => download(ada, id), "nope");
  });
});

describe("downloadActivityExport: security", () => {
  it("answers 401 without credentials", async () => {
    await expectUnauthenticated(t, ws, `/api/v1/activity/export/jobs/${finished}/download`);
  });

  it("answers 404 for another workspace's job and another member's job", async () => {
    const other = await t.createWorkspace();
    expect((await download(other.owner, finished, other)).status).toBe(404);
    expect((await download(other.owner, finished)).status).toBe(404);
    expect((await download(ws.owner, finished)).status).toBe(404);
  });

  it.each([["admin"], ["member"]] as const)("role %s cannot download someone else's export (404)", async (role) => {
    const user = await t.addMember(ws, role);
    expect((await download(user, finished)).status).toBe(404);
  });

  it("answers 403 once the workspace withdrew can_view_activity from the caller's role", async () => {
    const { workspace, user, job } = await finishedExportWithoutActivityView(t, "viewer");
    expect((await download(user, job, workspace)).status).toBe(403);
  });
});
