import type { Actor } from "../auth/actor.ts";
import { NotFound } from "../errors.ts";
import { recordEvent } from "../events/record-event.ts";
import { workspaceOf } from "../members/member-access.ts";
import { recordFor } from "./record-access.ts";
import type { RecordDeps } from "./record-deps.ts";
import type { RecordRecord } from "./record-repository.ts";

/**
 * Takes a record out of a tool's view by clearing its status for that tool; the record
 * itself stays. Changing what a tool shows is an edit: `can_edit` (or `can_edit_own`).
 * A record that was not in the tool's view is answered as it is (nothing to clear).
 */
export async function dismissRecordFromTool(deps: RecordDeps, actor: Actor, input: { recordId: string; tool: string }): Promise<RecordRecord> {
  const { record, recordset } = await recordFor(deps, actor, input.recordId, "edit");
  if (!(input.tool in record.toolStatuses)) return record;
  const ws = workspaceOf(actor);
  const cleared = await deps.records.setToolStatus(ws, record.id, input.tool, null, async (transaction) => {
    await recordEvent(
      deps,
      actor,
      {
        type: "record.dismissed",
        entity: { type: "record", id: record.id, name: record.title },
        metadata: { recordset_id: recordset.id, tool: input.tool, previous_status: record.toolStatuses[input.tool] },
      },
      { transaction },
    );
  });
  if (!cleared) throw new NotFound("record", input.recordId);
  const updated = await deps.records.find(ws, record.id);
  if (!updated) throw new NotFound("record", input.recordId);
  return updated;
}
