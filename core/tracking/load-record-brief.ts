import type { Actor } from "../auth/actor.ts";
import { workspaceOf } from "../members/member-access.ts";
import { recordFor, type RecordAction } from "../records/record-access.ts";
import type { RecordRecord } from "../records/record-repository.ts";
import type { RecordsetRecord } from "../recordsets/recordset-repository.ts";
import { recordBrief, type RecordBrief } from "./record-brief.ts";
import type { TrackingDeps } from "./tracking-deps.ts";

/** The prompt stays bounded whatever the record's history: the latest of each. */
const LIMITS = { interactions: 10, tasks: 10 };

/** The record (checked for `action`) and its brief for the AI operations. */
export async function loadRecordBrief(
  deps: TrackingDeps,
  actor: Actor,
  recordId: string,
  action: RecordAction,
): Promise<{ record: RecordRecord; recordset: RecordsetRecord; brief: RecordBrief; now: Date }> {
  const { record, recordset } = await recordFor(deps, actor, recordId, action);
  const now = deps.now();
  const context = await deps.tracking.recordContext(workspaceOf(actor), record.id, now, LIMITS);
  return { record, recordset, brief: recordBrief(record, recordset, context, now), now };
}
