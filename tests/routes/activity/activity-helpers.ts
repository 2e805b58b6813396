import { expect } from "vitest";
import { JobRegistry } from "../../../jobs/registry.ts";
import { ACTIVITY_EXPORT_JOB, activityExportHandler } from "../../../jobs/handlers/activity-export.ts";
import { startWorker, type Worker } from "../../../jobs/worker.ts";
import type { Role } from "../../../core/auth/actor.ts";
import { newId } from "../../../core/ids.ts";
import type { DomainEvent } from "../../../core/events/domain-event.ts";
import type { TestApp, TestUser, TestWorkspace } from "../../support/test-app.ts";

/** Records an event in `workspace` through the app's real recorder. */
export async function seedEvent(
  t: TestApp,
  workspace: TestWorkspace,
  event: { type: string; actor: TestUser | null; name?: string; entityType?: string; entityId?: string; audience?: string[]; occurredAt?: Date; metadata?: Record<string, unknown> },
): Promise<DomainEvent> {
  return t.services.events.record({
    workspaceId: workspace.id,
    type: event.type,
    actorId: event.actor?.id ?? null,
    entity: { type: event.entityType ?? event.type.split(".")[0]!, id: event.entityId ?? "e-1", name: event.name ?? null },
    metadata: event.metadata ?? {},
    ...(event.audience ? { audience: event.audience } : {}),
    ...(event.occurredAt ? { occurredAt: event.occurredAt } : {}),
  });
}

/** A worker that runs only activity exports, over the test app's queue. */
export function startExportWorker(t: TestApp): Worker {
  return startWorker({
    queue: t.services.jobs,
    workspaceIds: t.workspaceIds,
    handlers: new JobRegistry().register(ACTIVITY_EXPORT_JOB, activityExportHandler(t.services)),
    concurrency: 1,
    leaseMs: 10_000,
    pollIntervalMs: 50,
    progressIntervalMs: 0,
    logger: t.services.logger,
  });
}

/** Starts an export as `user` and returns its job id (not run yet). */
export async function startExport(t: TestApp, user: TestUser, workspace: TestWorkspace, body: Record<string, unknown> = {}): Promise<string> {
  const res = await t.request("/api/v1/activity/export", { method: "POST", headers: t.as(user, workspace), json: body });
  expect(res.status).toBe(200);
  return ((await res.json()) as { job_id: string }).job_id;
}

/** Runs the export `jobId` to its end and returns its status JSON. */
export async function runExport(t: TestApp, user: TestUser, workspace: TestWorkspace, jobId: string): Promise<Record<string, unknown>> {
  const worker = startExportWorker(t);
  try {
    // A plain loop, not expect.poll: this also runs in beforeAll.
    const deadline = Date.now() + 30_000;
    for (;;) {
      const res = await t.request(`/api/v1/activity/export/jobs/${jobId}`, { headers: t.as(user, workspace) });
      const job = (await res.json()) as Record<string, unknown>;
      if (job.status === "succeeded") return job;
      if (job.status === "failed" || job.status === "cancelled" || Date.now() > deadline) {
        throw new Error(`export ${jobId} ended ${String(job.status)}: ${String(job.error)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await worker.stop();
  }
}

/** A role a workspace can withdraw a permission from (the owner always keeps them all). */
type WithdrawableRole = Exclude<Role, "owner">;

/** Role table for routes every workspace role may call: each gets 200. */
export const EVERY_ROLE_GETS_200 = [
  ["admin", 200],
  ["member", 200],
  ["viewer", 200],
] as const;

/** Withdraws can_view_activity from `role` in `workspace`, as the workspace's own role settings would. */
export async function withdrawActivityView(t: TestApp, workspace: TestWorkspace, role: WithdrawableRole): Promise<void> {
  const { tenantDatabase } = await import("../../../adapters/postgres/tenant-database.ts");
  await tenantDatabase(t.database, workspace.schemaName).transaction((trx) =>
    trx.insertInto("role_permissions").values({ role, permission: "can_view_activity", allowed: false }).execute(),
  );
}

/** A fresh workspace with one `role` member, after the workspace withdrew can_view_activity from that role. */
export async function memberWithoutActivityView(t: TestApp, role: WithdrawableRole): Promise<{ workspace: TestWorkspace; user: TestUser }> {
  const workspace = await t.createWorkspace();
  const user = await t.addMember(workspace, role);
  await withdrawActivityView(t, workspace, role);
  return { workspace, user };
}

/** A fresh workspace with one `role` member whose export ran to its end, after which the workspace withdrew can_view_activity from that role. */
export async function finishedExportWithoutActivityView(t: TestApp, role: WithdrawableRole): Promise<{ workspace: TestWorkspace; user: TestUser; job: string }> {
  const workspace = await t.createWorkspace();
  const user = await t.addMember(workspace, role);
  const job = await startExport(t, user, workspace);
  await runExport(t, user, workspace, job);
  await withdrawActivityView(t, workspace, role);
  return { workspace, user, job };
}

/** Starts an export that is not run, calls `call` on it and expects 409 problem+json. */
export async function expectConflictWhileUnfinished(t: TestApp, user: TestUser, workspace: TestWorkspace, call: (jobId: string) => Promise<Response>): Promise<void> {
  const queued = await startExport(t, user, workspace);
  const res = await call(queued);
  expect(res.status).toBe(409);
  expect(res.headers.get("content-type")).toMatch(/problem\+json/);
}

/** Calls `path` in `workspace` without credentials and expects 401. */
export async function expectUnauthenticated(t: TestApp, workspace: TestWorkspace, path: string, call: { method?: string; json?: unknown } = {}): Promise<void> {
  expect((await t.request(path, { ...call, headers: { "x-workspace-id": workspace.id } })).status).toBe(401);
}

/** Calls a job route with the malformed id `malformed` (expects 422) and with an unknown well-formed id (expects 404). */
export async function expectMalformedAndUnknownJobIds(call: (jobId: string) => Promise<Response>, malformed: string): Promise<void> {
  expect((await call(malformed)).status).toBe(422);
  expect((await call(newId())).status).toBe(404);
}
