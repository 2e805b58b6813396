import type { RecordRecord } from "../records/record-repository.ts";
import type { RecordsetRecord } from "../recordsets/recordset-repository.ts";
import type { RecordTrackingContext } from "./tracking-repository.ts";
import { isOverdue } from "./tracking-view.ts";

const DAY_MS = 86_400_000;
const MAX_TEXT = 500;

/**
 * Everything the AI operations know about one record, as plain JSON: its title and field
 * values under the recordset's field names, its recent interactions, open tasks and active
 * insights, and derived facts (days since the last interaction, overdue tasks, empty fields).
 * The prompt sends it to the model; the heuristics read the same object, so both work from
 * the same facts.
 */
export type RecordBrief = {
  record: { id: string; title: string | null; status: string; tags: string[]; created_at: string; updated_at: string };
  recordset: { id: string; name: string };
  fields: { key: string; name: string; type: string; value: unknown }[];
  /** Names of schema fields without a value. */
  empty_fields: string[];
  tracking: {
    interaction_count: number;
    last_interaction_at: string | null;
    days_since_last_interaction: number | null;
    recent_interactions: { type: string; occurred_at: string; summary: string; outcome: string | null; notes: string | null }[];
    open_tasks: { title: string; status: string; priority: string; due_at: string | null; overdue: boolean }[];
    overdue_task_count: number;
    active_insights: { type: string; title: string }[];
  };
  today: string;
};

const clip = (text: string | null): string | null => (text === null ? null : text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 3)}...` : text);

export function daysBetween(earlier: Date, later: Date): number {
  return Math.max(0, Math.floor((later.getTime() - earlier.getTime()) / DAY_MS));
}

export function recordBrief(record: RecordRecord, recordset: RecordsetRecord, context: RecordTrackingContext, now: Date): RecordBrief {
  const present = (v: unknown) => v !== null && v !== undefined && v !== "" && !(Array.isArray(v) && v.length === 0);
  return {
    record: { id: record.id, title: record.title, status: record.status, tags: record.tags, created_at: record.createdAt.toISOString(), updated_at: record.updatedAt.toISOString() },
    recordset: { id: recordset.id, name: recordset.name },
    // Geometries are left out: coordinates say nothing a model can use and cost many tokens.
    fields: recordset.fields
      .filter((f) => f.type !== "geometry" && present(record.fieldValues[f.key]))
      .map((f) => ({ key: f.key, name: f.name, type: f.type, value: typeof record.fieldValues[f.key] === "string" ? clip(record.fieldValues[f.key] as string) : record.fieldValues[f.key] })),
    empty_fields: recordset.fields.filter((f) => !present(record.fieldValues[f.key])).map((f) => f.name),
    tracking: {
      interaction_count: context.interactionCount,
      last_interaction_at: context.lastInteractionAt?.toISOString() ?? null,
      days_since_last_interaction: context.lastInteractionAt ? daysBetween(context.lastInteractionAt, now) : null,
      recent_interactions: context.recentInteractions.map((i) => ({ type: i.interactionType, occurred_at: i.occurredAt.toISOString(), summary: clip(i.summary)!, outcome: clip(i.outcome), notes: clip(i.notes) })),
      open_tasks: context.openTasks.map((t) => ({ title: t.title, status: t.status, priority: t.priority, due_at: t.dueAt?.toISOString() ?? null, overdue: isOverdue(t, now) })),
      overdue_task_count: context.overdueTasks,
      active_insights: context.activeInsights.map((i) => ({ type: i.insightType, title: i.title })),
    },
    today: now.toISOString().slice(0, 10),
  };
}

/** How a record is named in text: its title, else a short id. */
export function recordName(brief: Pick<RecordBrief, "record">): string {
  return brief.record.title?.trim() || `record ${brief.record.id.slice(-8)}`;
}
