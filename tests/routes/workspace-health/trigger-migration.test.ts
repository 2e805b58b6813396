import { beforeAll, describe, expect, it } from "vitest";
import { TENANTS_MIGRATE_JOB } from "../../../core/workspace-health/tenant-migration-job.ts";
import { TENANTS_MIGRATE } from "../../../jobs/handlers/tenants-migrate.ts";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { makeSchemaBehind } from "./workspace-health-helpers.ts";

// POST /api/v1/workspace-health/migrations (triggerMigration)
let t: TestApp;
let workspace: TestWorkspace;
beforeAll(async () => {
  t = await sharedTestApp();
  workspace = await t.createWorkspace();
});

const trigger = (headers: Record<string, string>) => t.request("/api/v1/workspace-health/migrations", { method: "POST", headers });
type Triggered = { job_id: string; status: string; stream_url: string; already_running: boolean };

describe("triggerMigration: happy", () => {
  it("names the job type the worker handles", () => {
    expect(TENANTS_MIGRATE_JOB).toBe(TENANTS_MIGRATE);
  });

  it("queues a tenants.migrate job for this workspace's schema, while the schema is behind", async () => {
    const behind = await t.createWorkspace();
    await makeSchemaBehind(t, behind);
    const res = await trigger(t.as(behind.owner, behind));
    expect(res.status).toBe(200);
    const body = (await res.json()) as Triggered;
    expect(body).toMatchObject({ status: "QUEUED", already_running: false, stream_url: `/api/v1/workspace-health/migrations/${body.job_id}/stream` });
    const job = await t.services.jobs.get(body.job_id, { workspaceId: behind.id });
    expect(job).toMatchObject({ type: "tenants.migrate", workspaceId: behind.id, payload: { schemaNames: [behind.schemaName] }, createdBy: behind.owner.id });
  });

  it("returns the job already queued instead of a second one, also under concurrent triggers", async () => {
    const ws = await t.createWorkspace();
    const [a, b] = await Promise.all([trigger(t.as(ws.owner, ws)), trigger(t.as(ws.owner, ws))]);
    const first = (await a.json()) as Triggered;
    const second = (await b.json()) as Triggered;
    expect(second.job_id).toBe(first.job_id);
    expect([first.already_running, second.already_running].sort()).toEqual([false, true]);
    const third = (await (await trigger(t.as(ws.owner, ws))).json()) as Triggered;
    expect(third).toMatchObject({ job_id: first.job_id, already_running: true });
    const active = await t.services.jobs.list({ workspaceId: ws.id, type: "tenants.migrate" });
    expect(active.total).toBe(1);
  });
});

describe("triggerMigration: error", () => {
  it("answers 422 problem+json for a malformed workspace header", async () => {
    const res = await trigger({ ...t.as(workspace.owner), "x-workspace-id": "nope" });
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toMatch(/problem\+json/);
  });
});

describe("triggerMigration: security", () => {
  it("answers 401 without credentials", async () => {
    expect((await trigger({ "x-workspace-id": workspace.id })).status).toBe(401);
  });

  it("answers 404 for a workspace the caller is not in and queues nothing there", async () => {
    const other = await t.createWorkspace();
    const ws = await t.createWorkspace();
    expect((await trigger(t.as(other.owner, ws))).status).toBe(404);
    expect((await t.services.jobs.list({ workspaceId: ws.id })).total).toBe(0);
  });

  it.each([
    ["admin", 200],
    ["member", 403],
    ["viewer", 403],
  ] as const)("role %s gets %i", async (role, status) => {
    const ws = await t.createWorkspace();
    const user = await t.addMember(ws, role);
    expect((await trigger(t.as(user, ws))).status).toBe(status);
  });
});
