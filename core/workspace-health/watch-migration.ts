import type { Actor } from "../auth/actor.ts";
import { Forbidden, NotFound } from "../errors.ts";
import { jobChannel, parseJobEvent } from "../jobs/job-events.ts";
import type { JobQueue } from "../ports/job-queue.ts";
import type { PubSub } from "../ports/pub-sub.ts";
import { isMigrationJobOf, migrationProgressOf, type MigrationProgress } from "./tenant-migration-job.ts";

export type WatchMigrationDeps = { jobs: JobQueue; pubSub: PubSub };

/** How often the job row is re-read when no event arrives (covers messages lost by pub/sub). */
const POLL_MS = 2_000;

/**
 * Checks that `jobId` is this workspace's migration job (NotFound otherwise, also
 * for another workspace's job), then returns a producer of its progress: the
 * current state first, then each change from the job's pub/sub channel (with a
 * periodic re-read as a safety net), ending after a terminal state. Any member
 * may watch.
 */
export async function watchMigration(
  deps: WatchMigrationDeps,
  actor: Actor,
  input: { jobId: string },
): Promise<(signal: AbortSignal) => AsyncIterable<MigrationProgress>> {
  const workspace = actor.workspace;
  if (!workspace) throw new Forbidden("a workspace is required");
  const scope = { workspaceId: workspace.id };
  const job = await deps.jobs.get(input.jobId, scope);
  if (!job || !isMigrationJobOf(job, workspace.id)) throw new NotFound("migration job", input.jobId);
  const found = job;

  return async function* (signal) {
    const pending: MigrationProgress[] = [];
    let wake: (() => void) | null = null;
    const unsubscribe = await deps.pubSub.subscribe(jobChannel(found.id), (message) => {
      const event = parseJobEvent(message);
      if (!event || event.id !== found.id) return;
      pending.push(
        migrationProgressOf({
          id: event.id,
          status: event.status,
          progress: event.progress,
          currentStep: event.currentStep,
          progressMessage: event.progressMessage,
          lastError: event.lastError,
          attempts: event.attempts,
          updatedAt: new Date(event.updatedAt),
          finishedAt: event.finishedAt ? new Date(event.finishedAt) : null,
        }),
      );
      wake?.();
    });
    const onAbort = (): void => wake?.();
    signal.addEventListener("abort", onAbort);
    try {
      // Read after subscribing, so no change between the two is missed.
      let last = migrationProgressOf((await deps.jobs.get(found.id, scope)) ?? found);
      yield last;
      while (!signal.aborted && !isTerminal(last)) {
        if (pending.length === 0) {
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, POLL_MS);
            wake = () => {
              clearTimeout(timer);
              resolve();
            };
          });
          wake = null;
        }
        if (signal.aborted) return;
        const next = pending.length > 0 ? pending.shift()! : await reread();
        if (!next || next.updatedAt.getTime() < last.updatedAt.getTime()) continue;
        if (sameState(next, last)) continue;
        last = next;
        yield last;
      }
    } finally {
      signal.removeEventListener("abort", onAbort);
      await unsubscribe();
    }

    async function reread(): Promise<MigrationProgress | null> {
      const job = await deps.jobs.get(found.id, scope);
      return job ? migrationProgressOf(job) : null;
    }
  };
}

/** A failed attempt that will be retried reads QUEUED, so FAILED is final. */
function isTerminal(progress: MigrationProgress): boolean {
  return progress.status === "COMPLETED" || progress.status === "FAILED";
}

function sameState(a: MigrationProgress, b: MigrationProgress): boolean {
  return a.status === b.status && a.progress === b.progress && a.currentStep === b.currentStep && a.message === b.message && a.attempts === b.attempts;
}
