import type { Actor } from "../auth/actor.ts";
import { Forbidden, NotFound } from "../errors.ts";
import { workspaceOf } from "../members/member-access.ts";
import { permissionsOn } from "../recordsets/recordset-access.ts";
import type { AccessFlags, RecordsetRecord } from "../recordsets/recordset-repository.ts";
import type { RecordDeps } from "./record-deps.ts";
import type { RecordRecord } from "./record-repository.ts";

export type RecordAction = "view" | "edit" | "delete";

/** The record's owner for the `*_own` rules: whoever created it. */
export function ownsRecord(actor: Actor, record: Pick<RecordRecord, "createdBy">): boolean {
  return actor.userId !== null && record.createdBy === actor.userId;
}

/** Whether `flags` allow `action` on `record`: the full flag, or the `_own` one on one's own record. */
export function allows(flags: AccessFlags, action: RecordAction, actor: Actor, record: Pick<RecordRecord, "createdBy">): boolean {
  if (action === "view") return flags.can_view;
  if (action === "edit") return flags.can_edit || (flags.can_edit_own && ownsRecord(actor, record));
  return flags.can_delete || (flags.can_delete_own && ownsRecord(actor, record));
}

/**
 * The record with its recordset when the actor may `action` it: 404 when the record does not
 * exist in the workspace (another workspace's ids live in another schema, so they are 404
 * too), 403 when the actor's flags on its recordset do not allow `action` (the contract asks
 * for 403 here, so a member learns that the record exists, as in the original).
 */
export async function recordFor(
  deps: Pick<RecordDeps, "records" | "recordsets">,
  actor: Actor,
  recordId: string,
  action: RecordAction,
): Promise<{ record: RecordRecord; recordset: RecordsetRecord; flags: AccessFlags }> {
  const ws = workspaceOf(actor);
  const record = await deps.records.find(ws, recordId);
  const recordset = record ? await deps.recordsets.find(ws, record.recordsetId) : null;
  if (!record || !recordset) throw new NotFound("record", recordId);
  const flags = await permissionsOn(deps, actor, recordset);
  if (!allows(flags, action, actor, record)) {
    const need = action === "view" ? "can_view" : `can_${action} (or can_${action}_own on your own records)`;
    throw new Forbidden(`you need ${need} on the recordset "${recordset.slug}" to do this`, `can_${action}`);
  }
  return { record, recordset, flags };
}
