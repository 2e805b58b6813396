import type { Actor } from "../auth/actor.ts";
import { authorize } from "../permissions/authorize.ts";
import type { ActivityDeps } from "./activity-deps.ts";
import { EXPORT_URL_TTL_SECONDS, requireExportJob, type ActivityExportJob } from "./activity-export.ts";

export type ActivityExportDownload = { url: string; expiresAt: Date };

/**
 * One of the caller's export jobs; once it succeeded, with a fresh signed download URL.
 * 404 for an unknown job or another user's. Requires `can_view_activity`.
 */
export async function getActivityExportJob(
  deps: Pick<ActivityDeps, "jobs" | "storage" | "permissionOverrides" | "now">,
  actor: Actor,
  input: { jobId: string },
): Promise<ActivityExportJob & { download: ActivityExportDownload | null }> {
  await authorize(deps, actor, "can_view_activity");
  const job = await requireExportJob(deps, actor, input.jobId);
  if (!job.result) return { ...job, download: null };
  const url = await deps.storage.signedDownloadUrl(job.result.storage_key, EXPORT_URL_TTL_SECONDS);
  return { ...job, download: { url, expiresAt: new Date(deps.now().getTime() + EXPORT_URL_TTL_SECONDS * 1000) } };
}
