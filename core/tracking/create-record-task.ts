import type { Actor } from "../auth/actor.ts";
import { recordEvent } from "../events/record-event.ts";
import { newId } from "../ids.ts";
import { workspaceOf } from "../members/member-access.ts";
import { recordFor } from "../records/record-access.ts";
import { taskAudience, taskPatch, type TaskInput } from "./task-input.ts";
import type { TrackingDeps } from "./tracking-deps.ts";
import { toTaskJson, type TaskJson } from "./tracking-view.ts";

export type CreateRecordTaskInput = TaskInput & { recordId: string; title: string };

/**
 * Creates a task linked to the record (status `todo`, priority `medium` unless given).
 * Needs edit rights on the record; the assignee is told (`task.assigned` audience).
 */
export async function createRecordTask(deps: TrackingDeps, actor: Actor, input: CreateRecordTaskInput): Promise<TaskJson> {
  const { record, recordset } = await recordFor(deps, actor, input.recordId, "edit");
  const now = deps.now();
  const patch = await taskPatch(deps, actor, input, null, now);
  const id = newId();
  const created = await deps.tracking.createTask(
    workspaceOf(actor),
    {
      id,
      recordId: record.id,
      title: patch.title!,
      description: patch.description ?? null,
      dueAt: patch.dueAt ?? null,
      priority: patch.priority ?? "medium",
      status: patch.status ?? "todo",
      assigneeId: patch.assigneeId ?? null,
      completedAt: patch.completedAt ?? null,
      completedBy: patch.completedBy ?? null,
      createdBy: actor.userId,
    },
    async (transaction) => {
      const audience = taskAudience(actor, patch.assigneeId);
      await recordEvent(
        deps,
        actor,
        {
          type: "task.created",
          entity: { type: "record_task", id, name: patch.title! },
          metadata: { record_id: record.id, record_title: record.title, recordset_id: recordset.id, priority: patch.priority ?? "medium", assignee_id: patch.assigneeId ?? null },
          ...(audience ? { audience } : {}),
        },
        { transaction },
      );
    },
  );
  return toTaskJson(created, now);
}
