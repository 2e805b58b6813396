import { expect } from "vitest";
import { JobRegistry } from "../../../jobs/registry.ts";
import { ACTIVITY_EXPORT_JOB, activityExportHandler } from "../../../jobs/handlers/activity-export.ts";
import { startWorker, type Worker } from "../../../jobs/worker.ts";
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
