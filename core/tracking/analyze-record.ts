import { z } from "zod";
import type { Actor } from "../auth/actor.ts";
import { askModel, labelsOf, type AiLabels } from "./ask-model.ts";
import { loadRecordBrief } from "./load-record-brief.ts";
import type { RecordBrief } from "./record-brief.ts";
import type { TrackingAiDeps } from "./tracking-deps.ts";
import { heuristicAnalysis, type Analysis } from "./tracking-heuristics.ts";

const lines = z.array(z.string().min(1).max(1000)).max(10).default([]);

/** The answer asked of the model. */
export const AnalysisAnswer = z.object({
  summary: z.string().min(1).max(4000),
  health: z.enum(["healthy", "needs_attention", "at_risk", "new"]),
  engagement_score: z.number().min(0).max(100),
  key_points: lines,
  risks: lines,
  opportunities: lines,
  next_actions: lines,
});

const SYSTEM = [
  "You analyse one record of a business's CRM-like tables: its field values, logged interactions (calls, emails, meetings...), open tasks and active insights.",
  "Judge the relationship's health (healthy, needs_attention, at_risk, or new when nothing has happened yet) and engagement (0-100: recent, frequent contact is high; overdue work lowers it).",
  "Use only the facts given; cite dates and values from them. Be brief and concrete.",
].join(" ");

const INSTRUCTION =
  'Analyse this record. Answer as JSON: {"summary": string, "health": "healthy"|"needs_attention"|"at_risk"|"new", "engagement_score": number 0-100, "key_points": string[], "risks": string[], "opportunities": string[], "next_actions": string[]}.';

export type RecordAnalysisJson = AiLabels & {
  record_id: string;
  analysis: Analysis;
  /** The facts the analysis was made from (computed, not generated). */
  metrics: { interaction_count: number; last_interaction_at: string | null; days_since_last_interaction: number | null; open_tasks: number; overdue_tasks: number };
  generated_at: string;
};

function metricsOf(brief: RecordBrief): RecordAnalysisJson["metrics"] {
  const t = brief.tracking;
  return { interaction_count: t.interaction_count, last_interaction_at: t.last_interaction_at, days_since_last_interaction: t.days_since_last_interaction, open_tasks: t.open_tasks.length, overdue_tasks: t.overdue_task_count };
}

/** An AI analysis of a record from its data and tracking; nothing is stored. Needs `can_view`. */
export async function analyzeRecord(deps: TrackingAiDeps, actor: Actor, input: { recordId: string }): Promise<RecordAnalysisJson> {
  const { record, brief, now } = await loadRecordBrief(deps, actor, input.recordId, "view");
  const { answer, result } = await askModel(deps, actor, { purpose: "tracking.analyze", system: SYSTEM, instruction: INSTRUCTION, data: brief, schema: AnalysisAnswer });
  return {
    record_id: record.id,
    analysis: answer ?? heuristicAnalysis(brief),
    metrics: metricsOf(brief),
    ...labelsOf(result, answer !== null),
    generated_at: now.toISOString(),
  };
}
