import type { Actor } from "../auth/actor.ts";
import { authorize } from "../permissions/authorize.ts";
import type { ActivityDeps } from "./activity-deps.ts";
import { ACTIVITY_EXPORT_JOB, toExportJob, type ActivityExportJob } from "./activity-export.ts";

/** The caller's activity export jobs in this workspace, newest first. Requires `can_view_activity`. */
export async function listActivityExportJobs(
  deps: Pick<ActivityDeps, "activity" | "permissionOverrides">,
  actor: Actor,
  input: { limit?: number; offset?: number } = {},
): Promise<{ items: ActivityExportJob[]; total: number; limit: number; offset: number }> {
  await authorize(deps, actor, "can_view_activity");
  const limit = input.limit ?? 20;
  const offset = input.offset ?? 0;
  const page = await deps.activity.listExportJobs(actor.workspace!.id, actor.userId!, ACTIVITY_EXPORT_JOB, { limit, offset });
  return { items: page.items.map(toExportJob), total: page.total, limit, offset };
}
