import { z } from "@hono/zod-openapi";
import { insightSources, interactionTypes, priorities, taskStatuses } from "../../../core/tracking/tracking-repository.ts";

const uuidExample = "01939a6e-7c1e-7b41-9a31-5f2b8d1c0a20";
const stamp = (description?: string) => z.string().openapi({ format: "date-time", example: "2026-01-15T10:00:00.000Z", ...(description ? { description } : {}) });
const idParam = (name: string, description: string) => z.uuid().openapi({ param: { name, in: "path" }, description, example: uuidExample });

export const RecordIdParams = z.object({ record_id: idParam("record_id", "The record") });
export const RecordsetIdParams = z.object({ recordset_id: idParam("recordset_id", "The recordset") });
export const InsightIdParams = z.object({ insight_id: idParam("insight_id", "The insight") });
export const InteractionIdParams = z.object({ interaction_id: idParam("interaction_id", "The interaction") });
export const TaskIdParams = z.object({ task_id: idParam("task_id", "The task") });

export const PageQuery = {
  page: z.coerce.number().int().min(1).max(1_000_000).default(1).openapi({ example: 1 }),
  page_size: z.coerce.number().int().min(1).max(200).default(50).openapi({ description: "At most 200", example: 50 }),
};

/** A `true`/`false` query flag. */
export const FlagQuery = z.enum(["true", "false"]);

export const PrioritySchema = z.enum(priorities).openapi({ example: "medium" });
export const InteractionTypeSchema = z.enum(interactionTypes).openapi({ example: "call" });
export const TaskStatusSchema = z.enum(taskStatuses).openapi({ example: "todo" });

/** An instant: ISO 8601 with an offset, or a date (midnight UTC). */
export const InstantSchema = z.union([z.iso.datetime({ offset: true }), z.iso.date()]).openapi({ type: "string", example: "2026-03-01T09:30:00Z" });

/** The Date of an {@link InstantSchema} value (null stays null, absent stays undefined). */
export function instant<T extends string | null | undefined>(value: T): T extends string ? Date : T extends null ? null : undefined {
  return (value === undefined ? undefined : value === null ? null : new Date(value)) as never;
}

/** An interaction body (create or patch) as use-case fields; absent keys stay absent. */
export function interactionFields<B extends { interaction_type?: unknown; summary?: unknown; notes?: unknown; occurred_at?: string | null; duration_minutes?: unknown; outcome?: unknown }>(b: B) {
  return { interactionType: b.interaction_type, summary: b.summary, notes: b.notes, occurredAt: instant(b.occurred_at), durationMinutes: b.duration_minutes, outcome: b.outcome } as {
    interactionType: B["interaction_type"];
    summary: B["summary"];
    notes: B["notes"];
    occurredAt: ReturnType<typeof instant<B["occurred_at"]>>;
    durationMinutes: B["duration_minutes"];
    outcome: B["outcome"];
  };
}

/** A task body (create or patch) as use-case fields; absent keys stay absent. */
export function taskFields<B extends { title?: unknown; description?: unknown; due_at?: string | null; priority?: unknown; status?: unknown; assignee_id?: unknown }>(b: B) {
  return { title: b.title, description: b.description, dueAt: instant(b.due_at), priority: b.priority, status: b.status, assigneeId: b.assignee_id } as {
    title: B["title"];
    description: B["description"];
    dueAt: ReturnType<typeof instant<B["due_at"]>>;
    priority: B["priority"];
    status: B["status"];
    assigneeId: B["assignee_id"];
  };
}

export const InsightSchema = z
  .object({
    id: z.uuid().openapi({ example: uuidExample }),
    record_id: z.uuid(),
    insight_type: z.string().openapi({ example: "stale_engagement" }),
    title: z.string().openapi({ example: "45 days since the last contact with Acme" }),
    body: z.string(),
    priority: PrioritySchema,
    score: z.number().nullable().openapi({ description: "0..1 confidence or weight", example: 0.5 }),
    source: z.enum(insightSources).openapi({ description: "`ai`: written by the model; `heuristic`: rules over the record's data (offline provider); `manual`" }),
    provider: z.string().nullable().openapi({ example: "offline" }),
    model: z.string().nullable().openapi({ example: "offline-extractive" }),
    offline: z.boolean(),
    status: z.enum(["active", "action_taken", "dismissed"]),
    is_dismissed: z.boolean(),
    dismissed_at: stamp().nullable(),
    dismissed_by: z.uuid().nullable(),
    action_taken: z.boolean(),
    action_taken_at: stamp().nullable(),
    action_taken_by: z.uuid().nullable(),
    created_by: z.uuid().nullable(),
    created_at: stamp(),
  })
  .openapi("RecordInsight");

export const InteractionSchema = z
  .object({
    id: z.uuid().openapi({ example: uuidExample }),
    record_id: z.uuid(),
    interaction_type: InteractionTypeSchema,
    summary: z.string().openapi({ example: "Intro call with the owner" }),
    notes: z.string().nullable(),
    occurred_at: stamp(),
    duration_minutes: z.number().int().nullable().openapi({ example: 20 }),
    outcome: z.string().nullable().openapi({ example: "Interested; wants a proposal" }),
    created_by: z.uuid().nullable(),
    created_at: stamp(),
    updated_at: stamp(),
  })
  .openapi("RecordInteraction");

export const TaskSchema = z
  .object({
    id: z.uuid().openapi({ example: uuidExample }),
    record_id: z.uuid(),
    title: z.string().openapi({ example: "Send the proposal" }),
    description: z.string().nullable(),
    due_at: stamp().nullable(),
    priority: PrioritySchema,
    status: TaskStatusSchema,
    is_overdue: z.boolean().openapi({ description: "Open and past its due time" }),
    assignee_id: z.uuid().nullable(),
    completed_at: stamp().nullable(),
    completed_by: z.uuid().nullable(),
    created_by: z.uuid().nullable(),
    created_at: stamp(),
    updated_at: stamp(),
  })
  .openapi("RecordTask");

const pageOf = <S extends z.ZodType>(item: S, name: string) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int().openapi({ example: 1 }), page_size: z.number().int().openapi({ example: 50 }) }).openapi(name);

export const InsightListSchema = pageOf(InsightSchema, "RecordInsightList");
export const InteractionListSchema = pageOf(InteractionSchema, "RecordInteractionList");
export const TaskListSchema = pageOf(TaskSchema, "RecordTaskList");

export const DeletedSchema = z.object({ deleted: z.literal(true), id: z.uuid() }).openapi("TrackingDeleted");

const text = (max: number) => z.string().max(max);

export const InteractionBody = z
  .object({
    interaction_type: InteractionTypeSchema,
    summary: text(2000).openapi({ example: "Intro call with the owner" }),
    notes: text(20_000).nullable().optional(),
    occurred_at: InstantSchema.optional().openapi({ description: "When it happened; default now. Not in the future." }),
    duration_minutes: z.number().int().min(0).max(24 * 60).nullable().optional().openapi({ example: 20 }),
    outcome: text(500).nullable().optional().openapi({ example: "Interested; wants a proposal" }),
  })
  .openapi("RecordInteractionInput");

export const InteractionPatchBody = InteractionBody.partial().openapi("RecordInteractionPatch");

export const TaskBody = z
  .object({
    title: text(300).openapi({ example: "Send the proposal" }),
    description: text(10_000).nullable().optional(),
    due_at: InstantSchema.nullable().optional(),
    priority: PrioritySchema.optional().openapi({ description: "Default medium" }),
    status: TaskStatusSchema.optional().openapi({ description: "Default todo" }),
    assignee_id: z.uuid().nullable().optional().openapi({ description: "An active member of the workspace (user id)" }),
  })
  .openapi("RecordTaskInput");

export const TaskPatchBody = TaskBody.partial().openapi("RecordTaskPatch");

// ------------------------------------------------------------------ AI responses

export const UsageSchema = z
  .object({
    input_tokens: z.number().int(),
    output_tokens: z.number().int(),
    cost_usd: z.number().openapi({ example: 0.0021 }),
    model: z.string().openapi({ example: "offline-extractive" }),
    provider: z.string().openapi({ example: "offline" }),
  })
  .openapi("LlmUsage");

/** Labels every AI response carries. */
export const aiLabels = {
  source: z.enum(["ai", "heuristic"]).openapi({ description: "`ai`: the model's answer; `heuristic`: deterministic rules over the record's data (offline provider)" }),
  offline: z.boolean().openapi({ description: "True when the offline provider answered (no model)" }),
  provider: z.string().openapi({ example: "offline" }),
  model: z.string().openapi({ example: "offline-extractive" }),
  usage: UsageSchema,
  generated_at: stamp(),
};

const lines = z.array(z.string());

export const RecordAnalysisSchema = z
  .object({
    record_id: z.uuid(),
    analysis: z.object({
      summary: z.string(),
      health: z.enum(["healthy", "needs_attention", "at_risk", "new"]),
      engagement_score: z.number().openapi({ description: "0..100" }),
      key_points: lines,
      risks: lines,
      opportunities: lines,
      next_actions: lines,
    }),
    metrics: z.object({
      interaction_count: z.number().int(),
      last_interaction_at: stamp().nullable(),
      days_since_last_interaction: z.number().int().nullable(),
      open_tasks: z.number().int(),
      overdue_tasks: z.number().int(),
    }),
    ...aiLabels,
  })
  .openapi("RecordAnalysis");

export const MessageTypeSchema = z.enum(["email", "sms", "letter", "message"]).openapi({ example: "email" });
export const ToneSchema = z.enum(["formal", "friendly", "concise"]).openapi({ example: "friendly" });

export const DraftMessageBody = z
  .object({
    message_type: MessageTypeSchema.default("email"),
    purpose: z.string().trim().min(1).max(200).default("follow_up").openapi({ description: "follow_up, check_in, introduction, thank_you, reminder, meeting_request, or free text", example: "follow_up" }),
    tone: ToneSchema.default("friendly"),
    recipient_name: z.string().trim().min(1).max(200).optional().openapi({ description: "Default: the record's title", example: "Ada" }),
    instructions: z.string().trim().max(2000).optional().openapi({ description: "Extra guidance for the model (the offline provider's template ignores it)" }),
  })
  .openapi("DraftRecordMessageInput");

export const MessageDraftSchema = z
  .object({
    record_id: z.uuid(),
    message_type: MessageTypeSchema,
    purpose: z.string(),
    tone: ToneSchema,
    subject: z.string().nullable().openapi({ description: "Null for sms and chat messages" }),
    body: z.string(),
    sent: z.literal(false).openapi({ description: "Always false: nothing is sent" }),
    ...aiLabels,
  })
  .openapi("RecordMessageDraft");

export const GeneratedInsightsSchema = z
  .object({ record_id: z.uuid(), items: z.array(InsightSchema), total: z.number().int(), ...aiLabels })
  .openapi("GeneratedRecordInsights");

export const FollowUpSuggestionsSchema = z
  .object({
    recordset_id: z.uuid(),
    suggestions: z.array(
      z.object({
        record_id: z.uuid(),
        record_title: z.string().nullable(),
        action: z.string(),
        reason: z.string(),
        priority: PrioritySchema,
        channel: InteractionTypeSchema.nullable(),
        due_date: z.string().openapi({ format: "date", example: "2026-03-04" }),
        last_interaction_at: stamp().nullable(),
        overdue_tasks: z.number().int(),
      }),
    ),
    candidates_considered: z.number().int(),
    ...aiLabels,
  })
  .openapi("FollowUpSuggestions");

const counts = z.record(z.string(), z.number().int());

export const TrackingDashboardSchema = z
  .object({
    recordset_id: z.uuid(),
    generated_at: stamp(),
    records: z.object({ total: z.number().int(), with_interactions: z.number().int(), without_interaction_30_days: z.number().int(), with_open_tasks: z.number().int() }),
    interactions: z.object({ total: z.number().int(), last_7_days: z.number().int(), last_30_days: z.number().int(), by_type: counts }),
    tasks: z.object({
      open: z.number().int(),
      overdue: z.number().int(),
      due_next_7_days: z.number().int(),
      completed: z.number().int(),
      completed_last_30_days: z.number().int(),
      cancelled: z.number().int(),
      open_by_priority: counts,
    }),
    insights: z.object({ active: z.number().int(), dismissed: z.number().int(), action_taken: z.number().int(), active_by_type: counts }),
  })
  .openapi("RecordsetTrackingDashboard");
