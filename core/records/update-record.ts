import type { Actor } from "../auth/actor.ts";
import { Conflict } from "../errors.ts";
import { recordEvent } from "../events/record-event.ts";
import { workspaceOf } from "../members/member-access.ts";
import { deriveColumns } from "../recordsets/promoted-columns.ts";
import { recordFor } from "./record-access.ts";
import type { RecordDeps } from "./record-deps.ts";
import type { ChangeType, RecordRecord, RecordStatus } from "./record-repository.ts";
import { normaliseTags, validateFieldValues, type FieldValues } from "./record-values.ts";
import { NotFound } from "../errors.ts";

export type UpdateRecordInput = {
  recordId: string;
  fieldValues?: FieldValues | undefined;
  status?: Exclude<RecordStatus, "deleted"> | undefined;
  tags?: string[] | undefined;
  /** `merge` sets only the given keys (null clears one); `replace` makes the given values the whole set. */
  mode: "merge" | "replace";
  /** When given, the update fails with 409 unless the record is still at this version. */
  expectedVersion?: number | undefined;
};

/**
 * Changes a record as a new version (the old one stays in the history). Allowed with
 * `can_edit` on the recordset, or `can_edit_own` on one's own record. Values are validated
 * against the schema; required fields must still be set after a merge.
 */
export async function updateRecord(deps: RecordDeps, actor: Actor, input: UpdateRecordInput, changeType: ChangeType = "updated", restoredFrom?: number): Promise<RecordRecord> {
  const { record, recordset } = await recordFor(deps, actor, input.recordId, "edit");
  if (input.expectedVersion !== undefined && input.expectedVersion !== record.version) {
    // A stale read: 409, as when a concurrent write wins inside the repository.
    throw new Conflict(`the record is at version ${record.version}, not ${input.expectedVersion}; reload it and try again`, { current_version: record.version });
  }
  let fieldValues = record.fieldValues;
  if (input.fieldValues !== undefined) {
    const given = validateFieldValues(recordset.fields, input.fieldValues, { partial: input.mode === "merge" });
    const merged = input.mode === "merge" ? { ...record.fieldValues, ...given } : given;
    fieldValues = Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== null));
    // Required fields must survive the merge (a null in the patch cannot clear one either).
    // Values of fields since removed from the schema ride along unvalidated (updateRecordset).
    const known = new Set(recordset.fields.map((f) => f.key));
    validateFieldValues(recordset.fields, Object.fromEntries(Object.entries(fieldValues).filter(([k]) => known.has(k))));
  }
  const updated = await deps.records.update(
    workspaceOf(actor),
    record.id,
    record.version,
    {
      fieldValues,
      derived: deriveColumns(recordset, fieldValues),
      status: input.status ?? record.status,
      tags: input.tags === undefined ? record.tags : normaliseTags(input.tags),
      changeType,
      ...(restoredFrom !== undefined ? { restoredFrom } : {}),
      userId: actor.userId,
    },
    async (transaction) => {
      const changed = Object.keys(fieldValues).filter((k) => JSON.stringify(fieldValues[k]) !== JSON.stringify(record.fieldValues[k]));
      const removed = Object.keys(record.fieldValues).filter((k) => !(k in fieldValues));
      await recordEvent(
        deps,
        actor,
        {
          type: changeType === "restored" ? "record.restored" : "record.updated",
          entity: { type: "record", id: record.id, name: record.title },
          metadata: { recordset_id: recordset.id, version: record.version + 1, changed_fields: [...changed, ...removed], ...(restoredFrom ? { restored_from: restoredFrom } : {}) },
        },
        { transaction },
      );
    },
  );
  if (!updated) throw new NotFound("record", input.recordId);
  return updated;
}
