import { hasRoleAtLeast, type Actor } from "../auth/actor.ts";
import { Conflict, Forbidden } from "../errors.ts";
import { workspaceOf } from "../members/member-access.ts";
import type { Job, JobQueue } from "../ports/job-queue.ts";
import { describeImportJob, type DescribeJobDeps } from "./describe-import-job.ts";
import { importJobKinds, jobTypeOf, requireImportSectionJob } from "./import-jobs.ts";
import type { ImportJobJson } from "./import-job-view.ts";

/** A job is managed (cancelled, deleted) by whoever started it, or a workspace admin or owner. */
function requireJobManager(actor: Actor, job: Job): void {
  if (hasRoleAtLeast(actor.workspace!.role, "admin")) return;
  if (job.createdBy !== null && job.createdBy === actor.userId) return;
  throw new Forbidden("only the user who started this job, or a workspace admin, can do this");
}

/**
 * `cancelImportJob`: a queued job is cancelled at once; a running one shows `cancelled` at once
 * and its worker stops at the next batch (rows already committed stay). 409 for a job that
 * already completed or failed.
 */
export async function cancelImportJob(deps: DescribeJobDeps & { jobs: JobQueue }, actor: Actor, input: { jobId: string }): Promise<ImportJobJson> {
  const job = await requireImportSectionJob(deps, actor, input.jobId);
  requireJobManager(actor, job);
  if (job.status === "succeeded" || job.status === "failed") throw new Conflict(`the job already ${job.status === "succeeded" ? "completed" : "failed"}`);
  const cancelled = await deps.jobs.cancel(job.id, { workspaceId: workspaceOf(actor).id });
  return await describeImportJob(deps, workspaceOf(actor), cancelled);
}

/**
 * `cancelAllImportJobs`: cancels every pending or running import/export job of the workspace
 * that the actor may manage (all of them for admins, their own for others); returns the count.
 */
export async function cancelAllImportJobs(deps: { jobs: JobQueue }, actor: Actor): Promise<{ cancelled: number; jobIds: string[] }> {
  const ws = workspaceOf(actor);
  const active = await deps.jobs.list({ workspaceId: ws.id, type: importJobKinds.filter((k) => k !== "geocode").map(jobTypeOf), status: ["queued", "running"], limit: 500 });
  const ids: string[] = [];
  for (const job of active.items) {
    if (job.cancelRequestedAt) continue;
    try {
      requireJobManager(actor, job);
      await deps.jobs.cancel(job.id, { workspaceId: ws.id });
      ids.push(job.id);
    } catch (error) {
      // Not theirs, or it finished meanwhile: nothing to cancel.
      if (!(error instanceof Forbidden) && !(error instanceof Conflict)) throw error;
    }
  }
  return { cancelled: ids.length, jobIds: ids };
}

/** `deleteImportJob`: removes a finished (completed, failed, cancelled) job from history; 409 while active. */
export async function deleteImportJob(deps: { jobs: JobQueue }, actor: Actor, input: { jobId: string }): Promise<void> {
  const job = await requireImportSectionJob(deps, actor, input.jobId);
  requireJobManager(actor, job);
  // Checked here too, for a message in the API's words (the queue's own 409 carries queue statuses).
  if (job.status === "queued" || job.status === "running") throw new Conflict(`the job is ${job.status === "queued" ? "pending" : "running"}; only completed, failed or cancelled jobs can be deleted`);
  await deps.jobs.remove(job.id, { workspaceId: workspaceOf(actor).id });
}
