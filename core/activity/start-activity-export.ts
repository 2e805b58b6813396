import type { Actor } from "../auth/actor.ts";
import { workspaceOf } from "../members/member-access.ts";
import { authorize } from "../permissions/authorize.ts";
import type { ActivityDeps } from "./activity-deps.ts";
import { ACTIVITY_EXPORT_JOB, toExportJob, toExportPayload, type ActivityExportFormat, type ActivityExportJob } from "./activity-export.ts";
import { toActivityFilter, type ActivityFilterInput } from "./activity-filters.ts";

export type StartActivityExportInput = ActivityFilterInput & { format?: ActivityExportFormat };

/**
 * Queues an export of the activity matching the filters (CSV by default, or JSON); the
 * job streams the rows into storage. Requires `can_view_activity`: exporting shows no
 * more than the feed does.
 */
export async function startActivityExport(
  deps: Pick<ActivityDeps, "jobs" | "permissionOverrides">,
  actor: Actor,
  input: StartActivityExportInput = {},
): Promise<ActivityExportJob> {
  await authorize(deps, actor, "can_view_activity");
  const ws = workspaceOf(actor);
  const filter = toActivityFilter(actor, input);
  const job = await deps.jobs.enqueue({
    type: ACTIVITY_EXPORT_JOB,
    workspaceId: ws.id,
    createdBy: actor.userId,
    payload: toExportPayload(ws, actor.userId!, input.format ?? "csv", filter),
  });
  return toExportJob(job);
}
