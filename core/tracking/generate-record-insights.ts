import { z } from "zod";
import type { Actor } from "../auth/actor.ts";
import { recordEvent } from "../events/record-event.ts";
import { newId } from "../ids.ts";
import { workspaceOf } from "../members/member-access.ts";
import { askModel, labelsOf, type AiLabels } from "./ask-model.ts";
import { loadRecordBrief } from "./load-record-brief.ts";
import type { TrackingAiDeps } from "./tracking-deps.ts";
import { heuristicInsights } from "./tracking-heuristics.ts";
import { priorities } from "./tracking-repository.ts";
import { toInsightJson, type InsightJson } from "./tracking-view.ts";

export const InsightsAnswer = z.object({
  insights: z
    .array(
      z.object({
        // Models vary the case and spacing of types; stored normalised (snake case).
        insight_type: z
          .string()
          .min(1)
          .max(60)
          .transform((s) => s.trim().toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "") || "general"),
        title: z.string().min(1).max(200),
        body: z.string().max(2000).default(""),
        priority: z.enum(priorities).default("medium"),
        score: z.number().min(0).max(1).optional(),
      }),
    )
    .max(10),
});

const SYSTEM = [
  "You find actionable insights about one record of a CRM-like table from its field values, interactions and tasks:",
  "stale engagement, overdue work, missing data, momentum, risks and opportunities. Each insight has a snake_case insight_type, a short title, a body of one or two sentences saying what to do, a priority (low, medium, high, urgent) and a score 0-1 (confidence).",
  "Use only the facts given. At most 6 insights, most important first.",
].join(" ");

export type GeneratedInsightsJson = AiLabels & { record_id: string; items: InsightJson[]; total: number; generated_at: string };

/**
 * Generates insights for the record and stores them: they replace the record's earlier
 * generated insights that nobody dismissed or acted on, and appear in the insight list.
 * Stores data, so it needs edit rights on the record.
 */
export async function generateRecordInsights(deps: TrackingAiDeps, actor: Actor, input: { recordId: string }): Promise<GeneratedInsightsJson> {
  const { record, recordset, brief, now } = await loadRecordBrief(deps, actor, input.recordId, "edit");
  const { answer, result } = await askModel(deps, actor, {
    purpose: "tracking.insights",
    system: SYSTEM,
    instruction: 'Find insights about this record. Answer as JSON: {"insights": [{"insight_type": string, "title": string, "body": string, "priority": "low"|"medium"|"high"|"urgent", "score": number}]}.',
    data: brief,
    schema: InsightsAnswer,
  });
  const labels = labelsOf(result, answer !== null);
  const drafts = answer?.insights ?? heuristicInsights(brief);
  const stored = await deps.tracking.replaceGeneratedInsights(
    workspaceOf(actor),
    record.id,
    drafts.map((d) => ({
      id: newId(),
      recordId: record.id,
      insightType: d.insight_type,
      title: d.title,
      body: d.body,
      priority: d.priority,
      score: d.score ?? null,
      source: labels.source,
      provider: result.provider,
      model: result.model,
      offline: result.offline,
      createdBy: actor.userId,
    })),
    async (transaction) => {
      await recordEvent(
        deps,
        actor,
        { type: "insight.generated", entity: { type: "record", id: record.id, name: record.title }, metadata: { recordset_id: recordset.id, count: drafts.length, source: labels.source } },
        { transaction },
      );
    },
  );
  return { record_id: record.id, items: stored.map(toInsightJson), total: stored.length, ...labels, generated_at: now.toISOString() };
}
