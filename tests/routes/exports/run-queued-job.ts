import { expect } from "vitest";
import type { JobHandler } from "../../../core/jobs/job-handler.ts";
import type { JsonValue } from "../../../core/ports/job-queue.ts";
import type { TestApp } from "../../support/test-app.ts";

/**
 * Runs one queued job to the end as a worker would (claim, handler, complete), so route tests
 * can look at a finished job. Other jobs of the type (other test files share the database) are
 * given back untouched.
 */
export async function runQueuedJob(t: TestApp, jobId: string, type: string, handler: JobHandler): Promise<void> {
  const claimed = await t.services.jobs.claim({ workerId: `test-${jobId}`, limit: 100, leaseMs: 60_000, types: [type], workspaceIds: t.workspaceIds });
  const mine = claimed.find((c) => c.job.id === jobId);
  for (const other of claimed) if (other !== mine) await t.services.jobs.release(other.lease);
  expect(mine, `job ${jobId} was not claimable`).toBeDefined();
  const result = await handler({ job: mine!.job, signal: new AbortController().signal, reportProgress: () => undefined });
  await t.services.jobs.complete(mine!.lease, (result ?? null) as JsonValue);
}
