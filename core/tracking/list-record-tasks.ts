import type { Actor } from "../auth/actor.ts";
import { workspaceOf } from "../members/member-access.ts";
import { recordFor } from "../records/record-access.ts";
import type { TrackingDeps } from "./tracking-deps.ts";
import type { Priority, TaskStatus } from "./tracking-repository.ts";
import { toTaskJson, type PageJson, type TaskJson } from "./tracking-view.ts";

export type ListRecordTasksInput = {
  recordId: string;
  page: number;
  pageSize: number;
  status?: TaskStatus | undefined;
  priority?: Priority | undefined;
  includeCompleted?: boolean | undefined;
};

/**
 * A record's tasks: open ones by due date (undated last), then the rest. Completed tasks
 * are left out unless `includeCompleted`, or unless `status` asks for them by name.
 * Needs `can_view`.
 */
export async function listRecordTasks(deps: TrackingDeps, actor: Actor, input: ListRecordTasksInput): Promise<PageJson<TaskJson>> {
  const { record } = await recordFor(deps, actor, input.recordId, "view");
  const now = deps.now();
  const { items, total } = await deps.tracking.listTasks(
    workspaceOf(actor),
    { recordId: record.id, page: input.page, pageSize: input.pageSize, status: input.status, priority: input.priority, includeCompleted: input.includeCompleted ?? false },
    now,
  );
  return { items: items.map((t) => toTaskJson(t, now)), total, page: input.page, page_size: input.pageSize };
}
