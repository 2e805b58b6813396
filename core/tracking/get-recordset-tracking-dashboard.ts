import type { Actor } from "../auth/actor.ts";
import { workspaceOf } from "../members/member-access.ts";
import { recordsetFor } from "../recordsets/recordset-access.ts";
import type { TrackingDeps } from "./tracking-deps.ts";
import { interactionTypes } from "./tracking-repository.ts";

export type TrackingDashboardJson = {
  recordset_id: string;
  generated_at: string;
  records: { total: number; with_interactions: number; without_interaction_30_days: number; with_open_tasks: number };
  interactions: { total: number; last_7_days: number; last_30_days: number; by_type: Record<string, number> };
  tasks: { open: number; overdue: number; due_next_7_days: number; completed: number; completed_last_30_days: number; cancelled: number; open_by_priority: Record<string, number> };
  insights: { active: number; dismissed: number; action_taken: number; active_by_type: Record<string, number> };
};

/**
 * Tracking metrics over a recordset's (not deleted) records, aggregated by the database.
 * Every interaction type and priority is listed, with 0 when absent, so charts keep their
 * axes. 404 for an unknown recordset, 403 without `can_view`.
 */
export async function getRecordsetTrackingDashboard(deps: TrackingDeps, actor: Actor, input: { recordsetId: string }): Promise<TrackingDashboardJson> {
  const { recordset } = await recordsetFor(deps, actor, { id: input.recordsetId }, "can_view");
  const now = deps.now();
  const d = await deps.tracking.dashboard(workspaceOf(actor), recordset.id, now);
  const zeroed = (keys: readonly string[], counts: Record<string, number>) => ({ ...Object.fromEntries(keys.map((k) => [k, 0])), ...counts });
  return {
    recordset_id: recordset.id,
    generated_at: now.toISOString(),
    records: { total: d.records.total, with_interactions: d.records.withInteractions, without_interaction_30_days: d.records.withoutInteraction30Days, with_open_tasks: d.records.withOpenTasks },
    interactions: { total: d.interactions.total, last_7_days: d.interactions.last7Days, last_30_days: d.interactions.last30Days, by_type: zeroed(interactionTypes, d.interactions.byType) },
    tasks: {
      open: d.tasks.open,
      overdue: d.tasks.overdue,
      due_next_7_days: d.tasks.dueNext7Days,
      completed: d.tasks.completed,
      completed_last_30_days: d.tasks.completedLast30Days,
      cancelled: d.tasks.cancelled,
      open_by_priority: zeroed(["low", "medium", "high", "urgent"], d.tasks.openByPriority),
    },
    insights: { active: d.insights.active, dismissed: d.insights.dismissed, action_taken: d.insights.actionTaken, active_by_type: d.insights.activeByType },
  };
}
