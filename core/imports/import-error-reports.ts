import type { Actor } from "../auth/actor.ts";
import { NotFound } from "../errors.ts";
import type { JobQueue } from "../ports/job-queue.ts";
import type { ObjectStorage, StoredObject } from "../ports/object-storage.ts";
import { isUuid } from "../ids.ts";
import { reportKeyOf, signedReportUrl, type UrlSigningDeps } from "./describe-import-job.ts";
import { kindOfJob, requireImportSectionJob } from "./import-jobs.ts";

/** `getImportReportUrl`: a freshly signed URL of the job's error report; 404 when the job has none. */
export async function getImportReportUrl(deps: UrlSigningDeps & { jobs: JobQueue }, actor: Actor, input: { jobId: string }): Promise<{ url: string; expiresAt: Date }> {
  const job = await requireImportSectionJob(deps, actor, input.jobId, ["import"]);
  if (!reportKeyOf(job)) throw new NotFound("error report", input.jobId);
  return signedReportUrl(deps, job.id);
}

/**
 * `downloadImportErrorReport`: the report file. The signed URL (checked before this runs) is
 * the credential; it names the job, and the job names its workspace and report.
 */
export async function downloadImportErrorReport(deps: { jobs: JobQueue; storage: ObjectStorage }, input: { jobId: string }): Promise<StoredObject & { fileName: string }> {
  const job = isUuid(input.jobId) ? await deps.jobs.get(input.jobId) : null;
  const key = job && kindOfJob(job) === "import" ? reportKeyOf(job) : null;
  const object = key ? await deps.storage.get(key) : null;
  if (!object) throw new NotFound("error report", input.jobId);
  return { ...object, fileName: `import-errors-${input.jobId.slice(-8)}.csv` };
}
