import type { InsightRecord, InteractionRecord, TaskRecord } from "./tracking-repository.ts";

const iso = (d: Date | null): string | null => d?.toISOString() ?? null;

export type InsightJson = {
  id: string;
  record_id: string;
  insight_type: string;
  title: string;
  body: string;
  priority: InsightRecord["priority"];
  score: number | null;
  source: InsightRecord["source"];
  provider: string | null;
  model: string | null;
  offline: boolean;
  /** `dismissed` wins over `action_taken`: a dismissed insight is hidden from lists. */
  status: "active" | "action_taken" | "dismissed";
  is_dismissed: boolean;
  dismissed_at: string | null;
  dismissed_by: string | null;
  action_taken: boolean;
  action_taken_at: string | null;
  action_taken_by: string | null;
  created_by: string | null;
  created_at: string;
};

export function toInsightJson(i: InsightRecord): InsightJson {
  return {
    id: i.id,
    record_id: i.recordId,
    insight_type: i.insightType,
    title: i.title,
    body: i.body,
    priority: i.priority,
    score: i.score,
    source: i.source,
    provider: i.provider,
    model: i.model,
    offline: i.offline,
    status: i.dismissedAt ? "dismissed" : i.actionTakenAt ? "action_taken" : "active",
    is_dismissed: i.dismissedAt !== null,
    dismissed_at: iso(i.dismissedAt),
    dismissed_by: i.dismissedBy,
    action_taken: i.actionTakenAt !== null,
    action_taken_at: iso(i.actionTakenAt),
    action_taken_by: i.actionTakenBy,
    created_by: i.createdBy,
    created_at: i.createdAt.toISOString(),
  };
}

export type InteractionJson = {
  id: string;
  record_id: string;
  interaction_type: InteractionRecord["interactionType"];
  summary: string;
  notes: string | null;
  occurred_at: string;
  duration_minutes: number | null;
  outcome: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
};

export function toInteractionJson(i: InteractionRecord): InteractionJson {
  return {
    id: i.id,
    record_id: i.recordId,
    interaction_type: i.interactionType,
    summary: i.summary,
    notes: i.notes,
    occurred_at: i.occurredAt.toISOString(),
    duration_minutes: i.durationMinutes,
    outcome: i.outcome,
    created_by: i.createdBy,
    created_at: i.createdAt.toISOString(),
    updated_at: i.updatedAt.toISOString(),
  };
}

export type TaskJson = {
  id: string;
  record_id: string;
  title: string;
  description: string | null;
  due_at: string | null;
  priority: TaskRecord["priority"];
  status: TaskRecord["status"];
  /** Open (todo or in progress) and past its due time. */
  is_overdue: boolean;
  assignee_id: string | null;
  completed_at: string | null;
  completed_by: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
};

export function isOverdue(t: Pick<TaskRecord, "status" | "dueAt">, now: Date): boolean {
  return (t.status === "todo" || t.status === "in_progress") && t.dueAt !== null && t.dueAt.getTime() < now.getTime();
}

export function toTaskJson(t: TaskRecord, now: Date): TaskJson {
  return {
    id: t.id,
    record_id: t.recordId,
    title: t.title,
    description: t.description,
    due_at: iso(t.dueAt),
    priority: t.priority,
    status: t.status,
    is_overdue: isOverdue(t, now),
    assignee_id: t.assigneeId,
    completed_at: iso(t.completedAt),
    completed_by: t.completedBy,
    created_by: t.createdBy,
    created_at: t.createdAt.toISOString(),
    updated_at: t.updatedAt.toISOString(),
  };
}

/** The `{items, total, page, page_size}` list shape. */
export type PageJson<T> = { items: T[]; total: number; page: number; page_size: number };
