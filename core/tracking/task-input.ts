import type { Actor } from "../auth/actor.ts";
import { Invalid } from "../errors.ts";
import { workspaceOf } from "../members/member-access.ts";
import type { TrackingDeps } from "./tracking-deps.ts";
import type { Priority, TaskPatch, TaskRecord, TaskStatus } from "./tracking-repository.ts";

export type TaskInput = {
  title?: string | undefined;
  description?: string | null | undefined;
  dueAt?: Date | null | undefined;
  priority?: Priority | undefined;
  status?: TaskStatus | undefined;
  assigneeId?: string | null | undefined;
};

/**
 * The patch of given fields: title trimmed and not blank, the assignee an active member of
 * the workspace (422 otherwise), and `completed_at`/`completed_by` following the status
 * (set when it becomes completed, cleared when it leaves completed).
 */
export async function taskPatch(deps: Pick<TrackingDeps, "members">, actor: Actor, input: TaskInput, current: Pick<TaskRecord, "status"> | null, now: Date): Promise<TaskPatch> {
  const patch: TaskPatch = {};
  if (input.title !== undefined) {
    const title = input.title.trim();
    if (!title) throw new Invalid("the title must not be blank", [{ field: "title", message: "must not be blank" }]);
    patch.title = title;
  }
  if (input.description !== undefined) patch.description = input.description?.trim() || null;
  if (input.dueAt !== undefined) patch.dueAt = input.dueAt;
  if (input.priority !== undefined) patch.priority = input.priority;
  if (input.assigneeId !== undefined) {
    if (input.assigneeId !== null && (await deps.members.membershipStatus(workspaceOf(actor), input.assigneeId)) !== "active") {
      throw new Invalid("the assignee is not an active member of the workspace", [{ field: "assignee_id", message: "not an active member of the workspace" }]);
    }
    patch.assigneeId = input.assigneeId;
  }
  if (input.status !== undefined) {
    patch.status = input.status;
    const was = current?.status;
    if (input.status === "completed" && was !== "completed") Object.assign(patch, { completedAt: now, completedBy: actor.userId });
    if (input.status !== "completed" && was === "completed") Object.assign(patch, { completedAt: null, completedBy: null });
  }
  return patch;
}

/** Who an event about the task concerns: its assignee, unless they did it themselves. */
export function taskAudience(actor: Actor, assigneeId: string | null | undefined): string[] | undefined {
  return assigneeId && assigneeId !== actor.userId ? [assigneeId] : undefined;
}
