import type { Actor } from "../auth/actor.ts";
import { NotFound } from "../errors.ts";
import { recordEvent } from "../events/record-event.ts";
import { workspaceOf } from "../members/member-access.ts";
import { recordFor } from "./record-access.ts";
import type { RecordDeps } from "./record-deps.ts";

/**
 * Soft-deletes a record: status `deleted`, the row and its history kept. Allowed with
 * `can_delete`, or `can_delete_own` on one's own record.
 */
export async function deleteRecord(deps: RecordDeps, actor: Actor, input: { recordId: string }): Promise<void> {
  const { record, recordset } = await recordFor(deps, actor, input.recordId, "delete");
  const deleted = await deps.records.softDelete(workspaceOf(actor), record.id, actor.userId, async (transaction) => {
    await recordEvent(deps, actor, { type: "record.deleted", entity: { type: "record", id: record.id, name: record.title }, metadata: { recordset_id: recordset.id } }, { transaction });
  });
  if (!deleted) throw new NotFound("record", input.recordId);
}
