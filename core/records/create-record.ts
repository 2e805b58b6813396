import type { Actor } from "../auth/actor.ts";
import { recordEvent } from "../events/record-event.ts";
import { newId } from "../ids.ts";
import { workspaceOf } from "../members/member-access.ts";
import { deriveColumns } from "../recordsets/promoted-columns.ts";
import { recordsetFor } from "../recordsets/recordset-access.ts";
import type { RecordDeps } from "./record-deps.ts";
import type { RecordRecord, RecordStatus } from "./record-repository.ts";
import { normaliseTags, validateFieldValues, type FieldValues } from "./record-values.ts";

export type CreateRecordInput = {
  recordsetId: string;
  fieldValues: FieldValues;
  status?: Exclude<RecordStatus, "deleted"> | undefined;
  tags?: string[] | undefined;
  toolStatuses?: Record<string, string> | undefined;
  groupId?: string | null | undefined;
};

/**
 * Creates a record (version 1). Requires `can_create` on the recordset; values are checked
 * against its schema (422 listing each bad field). The record counts as the caller's own.
 * The `record.created` event commits with the record.
 */
export async function createRecord(deps: RecordDeps, actor: Actor, input: CreateRecordInput): Promise<RecordRecord> {
  const { recordset } = await recordsetFor(deps, actor, { id: input.recordsetId }, "can_create");
  const fieldValues = validateFieldValues(recordset.fields, input.fieldValues);
  const id = newId();
  return await deps.records.create(
    workspaceOf(actor),
    {
      id,
      recordsetId: recordset.id,
      fieldValues,
      derived: deriveColumns(recordset, fieldValues),
      status: input.status ?? "active",
      tags: normaliseTags(input.tags ?? []),
      toolStatuses: input.toolStatuses ?? {},
      groupId: input.groupId ?? null,
      createdBy: actor.userId,
    },
    async (transaction) => {
      await recordEvent(
        deps,
        actor,
        { type: "record.created", entity: { type: "record", id, name: null }, metadata: { recordset_id: recordset.id, recordset_slug: recordset.slug } },
        { transaction },
      );
    },
  );
}
