import type { Actor } from "../auth/actor.ts";
import { Invalid } from "../errors.ts";
import { recordEvent } from "../events/record-event.ts";
import { workspaceOf } from "../members/member-access.ts";
import { permissionsOn, recordsetFor } from "../recordsets/recordset-access.ts";
import type { AccessFlags } from "../recordsets/recordset-repository.ts";
import { allows } from "./record-access.ts";
import type { RecordDeps } from "./record-deps.ts";

export const MAX_BULK_DELETE_IDS = 1000;

export type BulkDeleteInput = { recordIds: readonly string[] } | { all: true; recordsetId: string };

export type SkippedRecord = { id: string; reason: "not_found" | "forbidden" };

export type BulkDeleteResult = { deleted: number; deleted_ids: string[]; skipped: SkippedRecord[] };

/**
 * Soft-deletes many records in one transaction.
 *
 * - By ids: each record needs `can_delete` on its recordset, or `can_delete_own` when the
 *   caller created it. Records the caller may not delete, and ids that match no record
 *   (another workspace's included), are reported in `skipped` rather than failing the rest:
 *   a selection in a table view may span records of several owners.
 * - `all` with `recordset_id`: every record of that recordset; needs `can_delete` on it.
 *
 * One `record.bulk_deleted` event per recordset touched commits with the deletion.
 */
export async function bulkDeleteRecords(deps: RecordDeps, actor: Actor, input: BulkDeleteInput): Promise<BulkDeleteResult> {
  const ws = workspaceOf(actor);
  const skipped: SkippedRecord[] = [];
  let target: { ids: string[] } | { recordsetId: string };
  // Recordset -> the ids deleted in it (null: all of them), for one event per recordset.
  const perRecordset = new Map<string, string[] | null>();
  if ("all" in input) {
    const { recordset } = await recordsetFor(deps, actor, { id: input.recordsetId }, "can_delete");
    target = { recordsetId: recordset.id };
    perRecordset.set(recordset.id, null);
  } else {
    const ids = [...new Set(input.recordIds)];
    if (ids.length === 0 || ids.length > MAX_BULK_DELETE_IDS) {
      throw new Invalid("record_ids has the wrong size", [{ field: "record_ids", message: `1 to ${MAX_BULK_DELETE_IDS} ids` }]);
    }
    const records = new Map((await deps.records.findMany(ws, ids)).map((r) => [r.id, r]));
    const flagsByRecordset = new Map<string, AccessFlags | null>();
    const allowed: string[] = [];
    for (const id of ids) {
      const record = records.get(id);
      if (!record) {
        skipped.push({ id, reason: "not_found" });
        continue;
      }
      if (!flagsByRecordset.has(record.recordsetId)) {
        const recordset = await deps.recordsets.find(ws, record.recordsetId);
        flagsByRecordset.set(record.recordsetId, recordset ? await permissionsOn(deps, actor, recordset) : null);
      }
      const flags = flagsByRecordset.get(record.recordsetId);
      // Records of a trashed recordset, or of one the caller cannot see, read as missing.
      if (!flags?.can_view) skipped.push({ id, reason: "not_found" });
      else if (!allows(flags, "delete", actor, record)) skipped.push({ id, reason: "forbidden" });
      else {
        allowed.push(id);
        const inRecordset = perRecordset.get(record.recordsetId) ?? [];
        inRecordset.push(id);
        perRecordset.set(record.recordsetId, inRecordset);
      }
    }
    if (allowed.length === 0) return { deleted: 0, deleted_ids: [], skipped };
    target = { ids: allowed };
  }
  const deletedIds = await deps.records.softDeleteMany(ws, target, actor.userId, async (transaction) => {
    for (const [recordsetId, recordIds] of perRecordset) {
      await recordEvent(
        deps,
        actor,
        {
          type: "record.bulk_deleted",
          entity: { type: "recordset", id: recordsetId, name: null },
          metadata: recordIds ? { count: recordIds.length, record_ids: recordIds.slice(0, 100) } : { all: true },
        },
        { transaction },
      );
    }
  });
  return { deleted: deletedIds.length, deleted_ids: deletedIds, skipped };
}
