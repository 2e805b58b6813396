import type { Actor } from "../auth/actor.ts";
import { NotFound } from "../errors.ts";
import { recordEvent } from "../events/record-event.ts";
import { workspaceOf } from "../members/member-access.ts";
import { taskFor } from "./tracking-access.ts";
import type { TrackingDeps } from "./tracking-deps.ts";

/** Deletes a task (for good). Needs edit rights on its record. */
export async function deleteRecordTask(deps: TrackingDeps, actor: Actor, input: { taskId: string }): Promise<{ deleted: true; id: string }> {
  const { item, recordset } = await taskFor(deps, actor, input.taskId, "edit");
  const deleted = await deps.tracking.deleteTask(workspaceOf(actor), item.id, async (transaction) => {
    await recordEvent(
      deps,
      actor,
      { type: "task.deleted", entity: { type: "record_task", id: item.id, name: item.title }, metadata: { record_id: item.recordId, recordset_id: recordset.id } },
      { transaction },
    );
  });
  if (!deleted) throw new NotFound("task", input.taskId);
  return { deleted: true, id: item.id };
}
