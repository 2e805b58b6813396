import type { Actor } from "../auth/actor.ts";
import { Invalid, NotFound } from "../errors.ts";
import { recordEvent } from "../events/record-event.ts";
import { workspaceOf } from "../members/member-access.ts";
import { taskAudience, taskPatch, type TaskInput } from "./task-input.ts";
import { taskFor } from "./tracking-access.ts";
import type { TrackingDeps } from "./tracking-deps.ts";
import type { TaskPatch, TaskRecord } from "./tracking-repository.ts";
import { toTaskJson, type TaskJson } from "./tracking-view.ts";

/**
 * Applies a prepared patch to a task and records the event (`task.completed` when it became
 * completed, `task.assigned` when it got a new assignee, else `task.updated`). Shared by
 * update and complete.
 */
export async function applyTaskPatch(deps: TrackingDeps, actor: Actor, task: TaskRecord, recordsetId: string, patch: TaskPatch): Promise<TaskJson> {
  const completed = patch.status === "completed" && task.status !== "completed";
  const assigned = patch.assigneeId !== undefined && patch.assigneeId !== null && patch.assigneeId !== task.assigneeId;
  const type = completed ? "task.completed" : assigned ? "task.assigned" : "task.updated";
  const updated = await deps.tracking.updateTask(workspaceOf(actor), task.id, patch, async (transaction) => {
    const audience = taskAudience(actor, assigned ? patch.assigneeId : task.assigneeId);
    await recordEvent(
      deps,
      actor,
      {
        type,
        entity: { type: "record_task", id: task.id, name: patch.title ?? task.title },
        metadata: { record_id: task.recordId, recordset_id: recordsetId, changed_fields: Object.keys(patch) },
        ...(audience ? { audience } : {}),
      },
      { transaction },
    );
  });
  if (!updated) throw new NotFound("task", task.id);
  return toTaskJson(updated, deps.now());
}

/** Changes the given fields of a task. Needs edit rights on its record. */
export async function updateRecordTask(deps: TrackingDeps, actor: Actor, input: TaskInput & { taskId: string }): Promise<TaskJson> {
  const { item, recordset } = await taskFor(deps, actor, input.taskId, "edit");
  const patch = await taskPatch(deps, actor, input, item, deps.now());
  if (Object.keys(patch).length === 0) throw new Invalid("give at least one field to change", [{ field: "body", message: "no field to change" }]);
  return await applyTaskPatch(deps, actor, item, recordset.id, patch);
}
