import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestUser, type TestWorkspace } from "../../support/test-app.ts";
import { expectConflictWhileUnfinished, expectMalformedAndUnknownJobIds, expectUnauthenticated, finishedExportWithoutActivityView, runExport, seedEvent, startExport } from "./activity-helpers.ts";

// GET /api/v1/activity/export/jobs/{job_id}/download-url (getActivityExportDownloadUrl)
let t: TestApp;
let ws: TestWorkspace;
let ada: TestUser;
let finished: string;

beforeAll(async () => {
  t = await sharedTestApp();
  ws = await t.createWorkspace();
  ada = await t.addMember(ws, "member");
  await seedEvent(t, ws, { type: "deal.won", actor: ada, name: "Acme" });
  finished = await startExport(t, ada, ws);
  await runExport(t, ada, ws, finished);
});

const link = (user: TestUser, id: string, workspace = ws) =>
  t.request(`/api/v1/activity/export/jobs/${id}/download-url`, { headers: t.as(user, workspace) });

describe("getActivityExportDownloadUrl: happy", () => {
  it("returns a fresh signed URL that serves the file without other credentials", async () => {
    const res = await link(ada, finished);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { download_url: string; expires_at: string; file_name: string };
    expect(body.file_name).toMatch(/\.csv$/);
    const expiresIn = Date.parse(body.expires_at) - Date.now();
    expect(expiresIn).toBeGreaterThan(3_500_000);
    expect(expiresIn).toBeLessThanOrEqual(3_600_000);
    const url = new URL(body.download_url);
    const file = await t.request(`${url.pathname}${url.search}`);
    expect(file.status).toBe(200);
    expect(await file.text()).toContain("deal.won");
    // A tampered signature is refused.
    const tampered = await t.request(`${url.pathname}${url.search.replace(/sig=[^&]+/, "sig=AAAA")}`);
    expect(tampered.status).toBeGreaterThanOrEqual(400);
  });
});

describe("getActivityExportDownloadUrl: error", () => {
  it("answers 409 problem+json while the job is not finished", async () => {
    await expectConflictWhileUnfinished(t, ada, ws, (id) => link(ada, id));
  });

  it("answers 422 for a malformed id and 404 for an unknown one", async () => {
    await expectMalformedAndUnknownJobIds((id) => link(ada, id), "123");
  });
});

describe("getActivityExportDownloadUrl: security", () => {
  it("answers 401 without credentials", async () => {
    await expectUnauthenticated(t, ws, `/api/v1/activity/export/jobs/${finished}/download-url`);
  });

  it("answers 404 for another workspace's job and another member's job", async () => {
    const other = await t.createWorkspace();
    expect((await link(other.owner, finished, other)).status).toBe(404);
    expect((await link(ws.owner, finished)).status).toBe(404);
  });

  it.each([["admin"], ["viewer"]] as const)("role %s cannot sign someone else's export (404)", async (role) => {
    const user = await t.addMember(ws, role);
    expect((await link(user, finished)).status).toBe(404);
  });

  it("answers 403 once the workspace withdrew can_view_activity from the caller's role", async () => {
    const { workspace, user, job } = await finishedExportWithoutActivityView(t, "member");
    expect((await link(user, job, workspace)).status).toBe(403);
  });
});
