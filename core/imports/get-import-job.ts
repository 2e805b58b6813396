import type { Actor } from "../auth/actor.ts";
import { workspaceOf } from "../members/member-access.ts";
import type { JobQueue } from "../ports/job-queue.ts";
import { describeImportJob, type DescribeJobDeps } from "./describe-import-job.ts";
import { requireImportSectionJob, type ImportJobKind } from "./import-jobs.ts";
import type { ImportJobJson } from "./import-job-view.ts";

/** One job of the workspace (any member may look), with its live counts and signed URLs; 404 otherwise. */
export async function getImportJob(
  deps: DescribeJobDeps & { jobs: JobQueue },
  actor: Actor,
  input: { jobId: string; kinds?: readonly ImportJobKind[] },
): Promise<ImportJobJson> {
  const job = await requireImportSectionJob(deps, actor, input.jobId, input.kinds);
  return await describeImportJob(deps, workspaceOf(actor), job);
}
