import { z } from "zod";
import type { Actor } from "../auth/actor.ts";
import { workspaceOf } from "../members/member-access.ts";
import { recordsetFor } from "../recordsets/recordset-access.ts";
import { askModel, labelsOf, noCallLabels, type AiLabels } from "./ask-model.ts";
import { daysBetween } from "./record-brief.ts";
import type { TrackingAiDeps } from "./tracking-deps.ts";
import { heuristicFollowUps, type FollowUp } from "./tracking-heuristics.ts";
import { interactionTypes, priorities, type FollowUpCandidate } from "./tracking-repository.ts";

export const FollowUpAnswer = z.object({
  suggestions: z
    .array(
      z.object({
        record_id: z.string(),
        action: z.string().min(1).max(500),
        reason: z.string().max(1000).default(""),
        priority: z.enum(priorities).default("medium"),
        channel: z.enum(interactionTypes).nullable().default(null),
        due_in_days: z.number().int().min(0).max(90).default(3),
      }),
    )
    .max(50),
});

const SYSTEM = [
  "You plan follow-ups for a sales or account team. You get records of one table that may need attention, with their last interaction, open and overdue tasks.",
  "For each record worth a follow-up, suggest one concrete action, the reason (cite the facts), a priority (low, medium, high, urgent), a channel (call, email, meeting, message, visit) and in how many days to do it.",
  "Use only the record_ids given.",
].join(" ");

export type FollowUpInput = { recordsetId: string; limit?: number | undefined; quietDays?: number | undefined };

export type FollowUpSuggestionJson = {
  record_id: string;
  record_title: string | null;
  action: string;
  reason: string;
  priority: FollowUp["priority"];
  channel: FollowUp["channel"];
  due_date: string;
  last_interaction_at: string | null;
  overdue_tasks: number;
};

export type FollowUpSuggestionsJson = AiLabels & { recordset_id: string; suggestions: FollowUpSuggestionJson[]; candidates_considered: number; generated_at: string };

/**
 * Follow-up suggestions over a recordset: the records most in need (overdue tasks first,
 * then the longest without contact; records touched within `quietDays` and on schedule are
 * left out), at most `limit`, each with one suggested action. Nothing is stored. Needs
 * `can_view` on the recordset.
 */
export async function generateFollowUpSuggestions(deps: TrackingAiDeps, actor: Actor, input: FollowUpInput): Promise<FollowUpSuggestionsJson> {
  const { recordset } = await recordsetFor(deps, actor, { id: input.recordsetId }, "can_view");
  const now = deps.now();
  const candidates = await deps.tracking.followUpCandidates(workspaceOf(actor), recordset.id, now, { limit: input.limit ?? 20, quietDays: input.quietDays ?? 7 });
  const base = { recordset_id: recordset.id, candidates_considered: candidates.length, generated_at: now.toISOString() };
  // Nothing needs a follow-up: no model call, nothing billed.
  if (candidates.length === 0) return { ...base, suggestions: [], ...noCallLabels(deps) };

  const { answer, result } = await askModel(deps, actor, {
    purpose: "tracking.follow_ups",
    system: SYSTEM,
    instruction:
      'Suggest follow-ups for these records. Answer as JSON: {"suggestions": [{"record_id": string, "action": string, "reason": string, "priority": "low"|"medium"|"high"|"urgent", "channel": string, "due_in_days": number}]}.',
    data: { recordset: recordset.name, today: now.toISOString().slice(0, 10), records: candidates.map((c) => candidateFacts(c, now)) },
    schema: FollowUpAnswer,
    maxTokens: 3000,
  });
  const byId = new Map(candidates.map((c) => [c.recordId, c]));
  // A model may name records it was not given: those are dropped, never shown.
  const suggestions = answer ? answer.suggestions.filter((s) => byId.has(s.record_id)) : heuristicFollowUps(candidates, now);
  return {
    ...base,
    suggestions: suggestions.map((s) => toSuggestionJson(s, byId.get(s.record_id)!, now)),
    ...labelsOf(result, answer !== null),
  };
}

function candidateFacts(c: FollowUpCandidate, now: Date) {
  return {
    record_id: c.recordId,
    title: c.title,
    days_since_last_interaction: c.lastInteractionAt ? daysBetween(c.lastInteractionAt, now) : null,
    last_interaction: c.lastInteractionType ? { type: c.lastInteractionType, summary: c.lastInteractionSummary } : null,
    open_tasks: c.openTasks,
    overdue_tasks: c.overdueTasks,
    next_task: c.nextTaskTitle ? { title: c.nextTaskTitle, due_at: c.nextTaskDueAt?.toISOString() ?? null } : null,
  };
}

function toSuggestionJson(s: FollowUp, c: FollowUpCandidate, now: Date): FollowUpSuggestionJson {
  return {
    record_id: s.record_id,
    record_title: c.title,
    action: s.action,
    reason: s.reason,
    priority: s.priority,
    channel: s.channel,
    due_date: new Date(now.getTime() + s.due_in_days * 86_400_000).toISOString().slice(0, 10),
    last_interaction_at: c.lastInteractionAt?.toISOString() ?? null,
    overdue_tasks: c.overdueTasks,
  };
}
