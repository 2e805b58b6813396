import type { Actor } from "../auth/actor.ts";
import { Conflict } from "../errors.ts";
import { authorize, type PermissionOverrides } from "../permissions/authorize.ts";
import type { Job, JobQueue } from "../ports/job-queue.ts";
import type { Locks } from "../ports/locks.ts";
import { TENANTS_MIGRATE_JOB } from "./tenant-migration-job.ts";

export type TriggerMigrationDeps = {
  jobs: JobQueue;
  locks: Locks;
  permissionOverrides: PermissionOverrides;
};

/** How long a trigger may hold the per-workspace lock (it only looks up and enqueues). */
const LOCK_TTL_MS = 15_000;
/** How long a trigger waits for another one holding the lock before giving up with 409. */
const LOCK_WAIT_MS = 5_000;

/**
 * Starts migrating the workspace's tenant schema as a `tenants.migrate` job, or
 * returns the one already queued or running: a lock per workspace makes
 * "look up active job, else enqueue" atomic across API replicas. Requires
 * `can_edit_workspace` (admins and owners by default).
 */
export async function triggerMigration(
  deps: TriggerMigrationDeps,
  actor: Actor,
): Promise<{ job: Job; alreadyRunning: boolean }> {
  await authorize(deps, actor, "can_edit_workspace");
  const workspace = actor.workspace!;
  const key = `workspace-health:migrate:${workspace.id}`;
  const deadline = Date.now() + LOCK_WAIT_MS;
  let lock = await deps.locks.tryAcquire(key, LOCK_TTL_MS);
  while (!lock && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    lock = await deps.locks.tryAcquire(key, LOCK_TTL_MS);
  }
  if (!lock) throw new Conflict("a migration of this workspace is being started; try again shortly");
  try {
    const active = await deps.jobs.list({ workspaceId: workspace.id, type: TENANTS_MIGRATE_JOB, status: ["queued", "running"], limit: 1 });
    if (active.items[0]) return { job: active.items[0], alreadyRunning: true };
    const job = await deps.jobs.enqueue({
      type: TENANTS_MIGRATE_JOB,
      workspaceId: workspace.id,
      payload: { schemaNames: [workspace.schemaName] },
      priority: 10,
      createdBy: actor.userId,
    });
    return { job, alreadyRunning: false };
  } finally {
    await lock.release();
  }
}
