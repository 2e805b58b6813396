import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newId } from "../../../core/ids.ts";
import type { Worker } from "../../../jobs/worker.ts";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { makeSchemaBehind, readSseEvents, startMigrationWorker } from "./workspace-health-helpers.ts";

// GET /api/v1/workspace-health/migrations/{job_id}/stream (streamMigrationProgress)
let t: TestApp;
let workspace: TestWorkspace;
let finishedJobId: string;
let worker: Worker | undefined;
beforeAll(async () => {
  t = await sharedTestApp();
  workspace = await t.createWorkspace();
  // A migration job that already ran (succeeded) on an up-to-date workspace.
  const job = await t.services.jobs.enqueue({ type: "tenants.migrate", workspaceId: workspace.id, payload: { schemaNames: [workspace.schemaName] } });
  finishedJobId = job.id;
  worker = startMigrationWorker(t);
  for (let i = 0; i < 200 && (await t.services.jobs.get(job.id))?.status !== "succeeded"; i++) await new Promise((r) => setTimeout(r, 50));
  await worker.stop();
  worker = undefined;
});
afterAll(async () => worker?.stop());

const stream = (jobId: string, headers: Record<string, string>) => t.request(`/api/v1/workspace-health/migrations/${jobId}/stream`, { headers });

describe("streamMigrationProgress: happy", () => {
  it("follows a whole migration of a behind workspace to COMPLETED, after which the workspace is served again", async () => {
    const ws = await t.createWorkspace();
    await makeSchemaBehind(t, ws);
    expect((await t.request("/api/v1/modules", { headers: t.as(ws.owner, ws) })).status).toBe(503);
    const triggered = (await (
      await t.request("/api/v1/workspace-health/migrations", { method: "POST", headers: t.as(ws.owner, ws) })
    ).json()) as { job_id: string; stream_url: string };

    const res = await t.request(triggered.stream_url, { headers: t.as(ws.owner, ws) });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/event-stream/);
    worker = startMigrationWorker(t);
    const events = await readSseEvents(res);
    await worker.stop();
    worker = undefined;

    expect(events.length).toBeGreaterThanOrEqual(2);
    expect(events.every((e) => e.event === "progress" && e.data.job_id === triggered.job_id)).toBe(true);
    // The stream reads the job when the client starts reading, by which time the worker
    // may already have claimed it.
    expect(["QUEUED", "RUNNING"]).toContain(events[0]!.data.status);
    expect(events.some((e) => e.data.status === "RUNNING")).toBe(true);
    expect(events.at(-1)!.data).toMatchObject({ status: "COMPLETED", progress: 100, error_message: null });

    const health = await t.request("/api/v1/workspace-health", { headers: t.as(ws.owner, ws) });
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ migration_required: false });
    expect((await t.request("/api/v1/modules", { headers: t.as(ws.owner, ws) })).status).toBe(200);
  });

  it("answers a finished job with its final state and ends", async () => {
    const events = await readSseEvents(await stream(finishedJobId, t.as(workspace.owner, workspace)));
    expect(events).toHaveLength(1);
    expect(events[0]!.data).toMatchObject({ job_id: finishedJobId, status: "COMPLETED", progress: 100 });
  });
});

describe("streamMigrationProgress: error", () => {
  it("reports a failed migration as FAILED with its error_message", async () => {
    const ws = await t.createWorkspace();
    const job = await t.services.jobs.enqueue({ type: "tenants.migrate", workspaceId: ws.id, payload: { schemaNames: ["not-a-schema"] }, maxAttempts: 1 });
    const res = await stream(job.id, t.as(ws.owner, ws));
    worker = startMigrationWorker(t);
    const events = await readSseEvents(res);
    await worker.stop();
    worker = undefined;
    expect(events.at(-1)!.data).toMatchObject({ status: "FAILED" });
    expect(events.at(-1)!.data.error_message).toMatch(/schemaNames/);
  });

  it("answers 422 for a malformed id and 404 for an unknown one or a job that is not a migration", async () => {
    const bad = await stream("nope", t.as(workspace.owner, workspace));
    expect(bad.status).toBe(422);
    expect(bad.headers.get("content-type")).toMatch(/problem\+json/);
    expect((await stream(newId(), t.as(workspace.owner, workspace))).status).toBe(404);
    const other = await t.services.jobs.enqueue({ type: "workspace-health.test-other", workspaceId: workspace.id, payload: {} });
    await t.services.jobs.cancel(other.id);
    expect((await stream(other.id, t.as(workspace.owner, workspace))).status).toBe(404);
  });
});

describe("streamMigrationProgress: security", () => {
  it("answers 401 without credentials", async () => {
    expect((await stream(finishedJobId, { "x-workspace-id": workspace.id })).status).toBe(401);
  });

  it("answers 404 for another workspace's job", async () => {
    const other = await t.createWorkspace();
    expect((await stream(finishedJobId, t.as(other.owner, other))).status).toBe(404);
    expect((await stream(finishedJobId, t.as(other.owner, workspace))).status).toBe(404);
  });

  it.each(["admin", "member", "viewer"] as const)("role %s may watch", async (role) => {
    const user = await t.addMember(workspace, role);
    const res = await stream(finishedJobId, t.as(user, workspace));
    expect(res.status).toBe(200);
    await res.body?.cancel();
  });
});
