import type { Actor } from "../auth/actor.ts";
import { authorize } from "../permissions/authorize.ts";
import type { ActivityDeps } from "./activity-deps.ts";
import { EXPORT_URL_TTL_SECONDS } from "./activity-export.ts";
import { finishedExport } from "./download-activity-export.ts";

/** A fresh signed URL of a finished export's file (valid one hour); 409 while not finished. Requires `can_view_activity`. */
export async function getActivityExportDownloadUrl(
  deps: Pick<ActivityDeps, "jobs" | "storage" | "permissionOverrides" | "now">,
  actor: Actor,
  input: { jobId: string },
): Promise<{ url: string; expiresAt: Date; fileName: string }> {
  await authorize(deps, actor, "can_view_activity");
  const { result } = await finishedExport(deps, actor, input.jobId);
  const url = await deps.storage.signedDownloadUrl(result.storage_key, EXPORT_URL_TTL_SECONDS);
  return { url, expiresAt: new Date(deps.now().getTime() + EXPORT_URL_TTL_SECONDS * 1000), fileName: result.file_name };
}
