import type { Actor } from "../auth/actor.ts";
import { workspaceOf } from "../members/member-access.ts";
import type { JobQueue } from "../ports/job-queue.ts";
import { describeImportJob, type DescribeJobDeps } from "./describe-import-job.ts";
import { jobTypeOf, type ImportJobKind } from "./import-jobs.ts";
import { queueStatusesFor, type ImportJobJson, type ImportJobStatus } from "./import-job-view.ts";

export type ListImportJobsInput = { page: number; pageSize: number; kinds: readonly ImportJobKind[]; status?: ImportJobStatus | undefined };

/**
 * The workspace's jobs of the given kinds, newest first. `cancelled` also finds running jobs
 * whose cancel was requested (they show as cancelled at once), and `running` leaves them out.
 */
export async function listImportJobs(
  deps: DescribeJobDeps & { jobs: JobQueue },
  actor: Actor,
  input: ListImportJobsInput,
): Promise<{ items: ImportJobJson[]; total: number; page: number; pageSize: number }> {
  const ws = workspaceOf(actor);
  const statuses = input.status ? (input.status === "cancelled" ? (["cancelled", "running"] as const) : queueStatusesFor(input.status)) : undefined;
  const type = input.kinds.map(jobTypeOf);
  const wanted = (item: ImportJobJson): boolean => !input.status || item.status === input.status;
  if (input.status !== "cancelled" && input.status !== "running") {
    const page = await deps.jobs.list({ workspaceId: ws.id, type, ...(statuses ? { status: statuses } : {}), limit: input.pageSize, offset: (input.page - 1) * input.pageSize });
    const items = await Promise.all(page.items.map((job) => describeImportJob(deps, ws, job)));
    return { items, total: page.total, page: input.page, pageSize: input.pageSize };
  }
  // running/cancelled overlap in the queue (a running job with a cancel request): filter on the
  // derived status. Active jobs are few, so reading them all is cheap.
  const all = await deps.jobs.list({ workspaceId: ws.id, type, status: statuses!, limit: 500 });
  const described = (await Promise.all(all.items.map((job) => describeImportJob(deps, ws, job)))).filter(wanted);
  const start = (input.page - 1) * input.pageSize;
  return { items: described.slice(start, start + input.pageSize), total: described.length, page: input.page, pageSize: input.pageSize };
}
