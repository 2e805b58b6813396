import type { Actor } from "../auth/actor.ts";
import { NotFound } from "../errors.ts";
import { isUuid } from "../ids.ts";
import { describeImportJob, type DescribeJobDeps } from "../imports/describe-import-job.ts";
import type { ImportJobJson } from "../imports/import-job-view.ts";
import { jobChannel, parseJobEvent } from "../jobs/job-events.ts";
import type { AuthDirectory } from "../ports/auth-directory.ts";
import type { Job, JobQueue } from "../ports/job-queue.ts";
import type { PubSub } from "../ports/pub-sub.ts";
import { GEOCODE_JOB } from "./geocode-job.ts";

export type GeocodingStreamDeps = DescribeJobDeps & { jobs: JobQueue; pubSub: PubSub; authDirectory: AuthDirectory };

/** One event of the stream: `progress` while the job is pending or running, then one final event. */
export type GeocodingStreamEvent = { event: "progress" | "completed" | "failed" | "cancelled"; data: ImportJobJson };

const FINAL = new Set(["completed", "failed", "cancelled"]);

/**
 * `streamGeocodingJob`: the job's state as events, the current state first (a late subscriber
 * sees where the job is), then each change the queue publishes on the job's channel (with a
 * slow poll as a safety net: pub/sub is at-most-once), until the job completes, fails or is
 * cancelled. No workspace header: the caller must be an active member of the job's workspace;
 * otherwise, as for an unknown id or another kind of job, 404.
 */
export async function watchGeocodingJob(
  deps: GeocodingStreamDeps,
  actor: Actor,
  jobId: string,
  options: { pollMs?: number } = {},
): Promise<(signal: AbortSignal) => AsyncGenerator<GeocodingStreamEvent>> {
  const first = isUuid(jobId) ? await deps.jobs.get(jobId) : null;
  const membership = first?.type === GEOCODE_JOB && first.workspaceId && actor.userId ? await deps.authDirectory.findMembership(first.workspaceId, actor.userId) : null;
  if (!first || !membership) throw new NotFound("geocoding job", jobId);
  const ws = { id: membership.workspaceId, schemaName: membership.schemaName };
  const pollMs = options.pollMs ?? 5_000;

  return async function* (signal) {
    let wake: (() => void) | null = null;
    let pending = false;
    const unsubscribe = await deps.pubSub.subscribe(jobChannel(first.id), (message) => {
      if (!parseJobEvent(message)) return;
      pending = true;
      wake?.();
    });
    try {
      // Read again after subscribing, so no change between the first read and the subscription is missed.
      let job: Job | null = (await deps.jobs.get(first.id)) ?? first;
      let last = "";
      while (job && !signal.aborted) {
        const view = await describeImportJob(deps, ws, job);
        const event = FINAL.has(view.status) ? (view.status as GeocodingStreamEvent["event"]) : "progress";
        const key = JSON.stringify(view);
        if (key !== last) yield { event, data: view };
        last = key;
        if (event !== "progress") return;
        if (!pending) {
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, pollMs);
            const done = (): void => {
              clearTimeout(timer);
              resolve();
            };
            wake = done;
            signal.addEventListener("abort", done, { once: true });
          });
          wake = null;
        }
        pending = false;
        job = await deps.jobs.get(first.id);
      }
    } finally {
      await unsubscribe();
    }
  };
}
