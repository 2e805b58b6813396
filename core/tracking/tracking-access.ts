import type { Actor } from "../auth/actor.ts";
import { NotFound } from "../errors.ts";
import { workspaceOf } from "../members/member-access.ts";
import { recordFor, type RecordAction } from "../records/record-access.ts";
import type { RecordRecord } from "../records/record-repository.ts";
import type { RecordsetRecord } from "../recordsets/recordset-repository.ts";
import type { TrackingDeps } from "./tracking-deps.ts";
import type { InsightRecord, InteractionRecord, TaskRecord } from "./tracking-repository.ts";

/*
 * Who may do what with a record's tracking: it follows the record.
 * - Reading insights, interactions, tasks, and the read-only AI operations (analysis, message
 *   draft): `can_view` on the record's recordset.
 * - Logging, changing or deleting interactions and tasks, acting on or dismissing insights,
 *   generating (stored) insights: editing the record, i.e. `can_edit`, or `can_edit_own` on a
 *   record one created. Deleting a task is editing the record's tracking, not deleting the record.
 * - A row whose record is deleted, or of another workspace (another schema), is 404.
 */

type Found<T> = { item: T; record: RecordRecord; recordset: RecordsetRecord };

async function owned<T extends { recordId: string }>(
  deps: TrackingDeps,
  actor: Actor,
  kind: string,
  id: string,
  find: (deps: TrackingDeps) => Promise<T | null>,
  action: RecordAction,
): Promise<Found<T>> {
  const item = await find(deps);
  if (!item) throw new NotFound(kind, id);
  try {
    const { record, recordset } = await recordFor(deps, actor, item.recordId, action);
    return { item, record, recordset };
  } catch (error) {
    // The row outlived its record (soft-deleted): it is gone for the API too.
    if (error instanceof NotFound) throw new NotFound(kind, id);
    throw error;
  }
}

export function insightFor(deps: TrackingDeps, actor: Actor, id: string, action: RecordAction): Promise<Found<InsightRecord>> {
  return owned(deps, actor, "insight", id, (d) => d.tracking.findInsight(workspaceOf(actor), id), action);
}

export function interactionFor(deps: TrackingDeps, actor: Actor, id: string, action: RecordAction): Promise<Found<InteractionRecord>> {
  return owned(deps, actor, "interaction", id, (d) => d.tracking.findInteraction(workspaceOf(actor), id), action);
}

export function taskFor(deps: TrackingDeps, actor: Actor, id: string, action: RecordAction): Promise<Found<TaskRecord>> {
  return owned(deps, actor, "task", id, (d) => d.tracking.findTask(workspaceOf(actor), id), action);
}
