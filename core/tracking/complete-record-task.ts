import type { Actor } from "../auth/actor.ts";
import { taskPatch } from "./task-input.ts";
import { taskFor } from "./tracking-access.ts";
import type { TrackingDeps } from "./tracking-deps.ts";
import { toTaskJson, type TaskJson } from "./tracking-view.ts";
import { applyTaskPatch } from "./update-record-task.ts";

/** Sets the task's status to completed (who and when). Completing a completed task changes nothing. */
export async function completeRecordTask(deps: TrackingDeps, actor: Actor, input: { taskId: string }): Promise<TaskJson> {
  const { item, recordset } = await taskFor(deps, actor, input.taskId, "edit");
  if (item.status === "completed") return toTaskJson(item, deps.now());
  const patch = await taskPatch(deps, actor, { status: "completed" }, item, deps.now());
  return await applyTaskPatch(deps, actor, item, recordset.id, patch);
}
