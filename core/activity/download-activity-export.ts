import type { Actor } from "../auth/actor.ts";
import { Conflict, NotFound } from "../errors.ts";
import { authorize } from "../permissions/authorize.ts";
import type { ActivityDeps } from "./activity-deps.ts";
import { requireExportJob, type ActivityExportJob, type ActivityExportResult } from "./activity-export.ts";

/** The finished export of one of the caller's jobs; 409 while it is not finished. */
export async function finishedExport(
  deps: Pick<ActivityDeps, "jobs">,
  actor: Actor,
  jobId: string,
): Promise<ActivityExportJob & { result: ActivityExportResult }> {
  const job = await requireExportJob(deps, actor, jobId);
  if (job.status !== "succeeded" || !job.result) {
    throw new Conflict(`the export is ${job.status}; its file is available once it succeeded`, { job_status: job.status });
  }
  return { ...job, result: job.result };
}

/** The export file of a finished job, as a stream. Requires `can_view_activity`. */
export async function downloadActivityExport(
  deps: Pick<ActivityDeps, "jobs" | "storage" | "permissionOverrides">,
  actor: Actor,
  input: { jobId: string },
): Promise<{ body: ReadableStream<Uint8Array>; fileName: string; contentType: string; size: number }> {
  await authorize(deps, actor, "can_view_activity");
  const { result } = await finishedExport(deps, actor, input.jobId);
  const stored = await deps.storage.get(result.storage_key);
  if (!stored) throw new NotFound("export file", input.jobId);
  return { body: stored.body, fileName: result.file_name, contentType: result.content_type, size: stored.size };
}
