import type { Actor } from "../auth/actor.ts";
import { NotFound } from "../errors.ts";
import { isUuid } from "../ids.ts";
import { describeImportJob, type DescribeJobDeps } from "../imports/describe-import-job.ts";
import type { ImportJobJson } from "../imports/import-job-view.ts";
import { watchJob } from "../jobs/watch-job.ts";
import type { AuthDirectory } from "../ports/auth-directory.ts";
import type { JobQueue } from "../ports/job-queue.ts";
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

  return (signal) =>
    watchJob(deps, first, {
      signal,
      pollMs,
      describe: async (job) => {
        const view = await describeImportJob(deps, ws, job);
        const final = FINAL.has(view.status);
        return { update: { event: final ? (view.status as GeocodingStreamEvent["event"]) : "progress", data: view }, final };
      },
    });
}
