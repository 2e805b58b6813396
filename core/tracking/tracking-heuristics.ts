/*
 * Deterministic results built from a record's own data by rules, for when no model answer
 * fits (the offline provider): labelled `source: "heuristic"` by the use-cases. Same input,
 * same output; different records, different results. No clock: `brief.today` and the
 * facts in the brief are the only inputs.
 */
import { recordName, type RecordBrief } from "./record-brief.ts";
import type { FollowUpCandidate, InteractionType, Priority } from "./tracking-repository.ts";

export type RecordHealth = "healthy" | "needs_attention" | "at_risk" | "new";

export type Analysis = {
  summary: string;
  health: RecordHealth;
  engagement_score: number;
  key_points: string[];
  risks: string[];
  opportunities: string[];
  next_actions: string[];
};

export type InsightDraft = { insight_type: string; title: string; body: string; priority: Priority; score?: number | undefined };

export type MessageRequest = { messageType: "email" | "sms" | "letter" | "message"; purpose: string; tone: "formal" | "friendly" | "concise"; recipientName?: string | undefined };
export type MessageDraft = { subject: string | null; body: string };

export type FollowUp = { record_id: string; action: string; reason: string; priority: Priority; channel: InteractionType | null; due_in_days: number };

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;
const day = (iso: string) => iso.slice(0, 10);

function formatValue(value: unknown): string {
  if (Array.isArray(value)) return value.map(formatValue).join(", ");
  if (value !== null && typeof value === "object") {
    const v = value as Record<string, unknown>;
    if (typeof v.lat === "number" && typeof v.lng === "number") return `${v.lat}, ${v.lng}`;
    return JSON.stringify(value);
  }
  return String(value);
}

/** "Stage: won" lines for the first `n` fields with a value. */
function fieldFacts(brief: RecordBrief, n: number): string[] {
  return brief.fields.slice(0, n).map((f) => `${f.name}: ${formatValue(f.value)}`);
}

function recordAgeDays(brief: RecordBrief): number {
  return Math.max(0, Math.floor((Date.parse(brief.today) - Date.parse(day(brief.record.created_at))) / 86_400_000));
}

/** 0..100: recent and frequent contact raises it, overdue work lowers it. */
export function engagementScore(brief: RecordBrief): number {
  const t = brief.tracking;
  const d = t.days_since_last_interaction;
  const recency = d === null ? 0 : d <= 7 ? 50 : d <= 30 ? 35 : d <= 90 ? 15 : 5;
  const frequency = Math.min(t.interaction_count, 10) * 3;
  const planned = t.open_tasks.length > 0 && t.overdue_task_count === 0 ? 20 : 0;
  return Math.max(0, Math.min(100, recency + frequency + planned - 10 * t.overdue_task_count));
}

export function recordHealth(brief: RecordBrief): RecordHealth {
  const t = brief.tracking;
  const d = t.days_since_last_interaction;
  if (t.interaction_count === 0 && recordAgeDays(brief) < 14 && t.overdue_task_count === 0) return "new";
  if (t.overdue_task_count > 0 || d === null || d > 60) return "at_risk";
  if (d > 30 || t.open_tasks.length === 0) return "needs_attention";
  return "healthy";
}

function lastContact(brief: RecordBrief): string {
  const t = brief.tracking;
  const last = t.recent_interactions[0];
  if (!last || t.days_since_last_interaction === null) return "No interaction has been logged yet.";
  const ago = t.days_since_last_interaction === 0 ? "today" : `${plural(t.days_since_last_interaction, "day")} ago`;
  return `The last interaction was a ${last.type} ${ago} (${day(last.occurred_at)}): "${last.summary}"${last.outcome ? `, outcome: ${last.outcome}` : ""}.`;
}

export function heuristicAnalysis(brief: RecordBrief): Analysis {
  const t = brief.tracking;
  const name = recordName(brief);
  const health = recordHealth(brief);
  const facts = fieldFacts(brief, 6);
  const overdue = t.open_tasks.filter((x) => x.overdue);
  const summary = [
    `${name} (${brief.recordset.name}) has ${plural(t.interaction_count, "logged interaction")}.`,
    lastContact(brief),
    `${plural(t.open_tasks.length, "open task")}${t.overdue_task_count ? `, ${t.overdue_task_count} overdue` : ""}.`,
    facts.length ? `Key data: ${facts.slice(0, 3).join("; ")}.` : "",
  ]
    .filter(Boolean)
    .join(" ");

  const risks: string[] = [];
  if (t.interaction_count === 0) risks.push("No interaction has been logged: the relationship has not started.");
  else if ((t.days_since_last_interaction ?? 0) > 30) risks.push(`No contact for ${plural(t.days_since_last_interaction!, "day")}: engagement is going cold.`);
  for (const task of overdue.slice(0, 3)) risks.push(`Task "${task.title}" is overdue (due ${day(task.due_at!)}).`);
  if (t.overdue_task_count > overdue.length) risks.push(`${plural(t.overdue_task_count, "task")} overdue in total.`);
  if (brief.empty_fields.length) risks.push(`Missing data: ${brief.empty_fields.slice(0, 5).join(", ")}.`);

  const opportunities: string[] = [];
  const d = t.days_since_last_interaction;
  if (d !== null && d <= 7) opportunities.push(`Recent contact (${t.recent_interactions[0]!.type}, ${d === 0 ? "today" : plural(d, "day") + " ago"}): momentum to build on.`);
  const soon = t.open_tasks.filter((x) => !x.overdue && x.due_at !== null);
  if (soon[0]) opportunities.push(`Next planned step: "${soon[0].title}" due ${day(soon[0].due_at!)}.`);
  const outcome = t.recent_interactions.find((i) => i.outcome)?.outcome;
  if (outcome) opportunities.push(`Latest recorded outcome: ${outcome}.`);

  return {
    summary,
    health,
    engagement_score: engagementScore(brief),
    key_points: [...facts, ...(t.recent_interactions[0] ? [lastContact(brief)] : [])].slice(0, 8),
    risks,
    opportunities,
    next_actions: nextActions(brief),
  };
}

function nextActions(brief: RecordBrief): string[] {
  const t = brief.tracking;
  const actions: string[] = [];
  for (const task of t.open_tasks.filter((x) => x.overdue).slice(0, 2)) actions.push(`Complete or reschedule the overdue task "${task.title}".`);
  if (t.interaction_count === 0) actions.push(`Make first contact with ${recordName(brief)} and log it.`);
  else if ((t.days_since_last_interaction ?? 0) > 14) actions.push(`Follow up by ${t.recent_interactions[0]?.type ?? "email"}: last contact was ${plural(t.days_since_last_interaction!, "day")} ago.`);
  if (t.open_tasks.length === 0) actions.push("Create a task for the next step so the record does not stall.");
  if (brief.empty_fields.length) actions.push(`Fill in ${brief.empty_fields.slice(0, 3).join(", ")}.`);
  return actions;
}

export function heuristicInsights(brief: RecordBrief): InsightDraft[] {
  const t = brief.tracking;
  const name = recordName(brief);
  const d = t.days_since_last_interaction;
  const insights: InsightDraft[] = [];
  if (t.overdue_task_count > 0) {
    const titles = t.open_tasks.filter((x) => x.overdue).map((x) => `"${x.title}"`);
    insights.push({
      insight_type: "overdue_tasks",
      title: `${plural(t.overdue_task_count, "task")} overdue on ${name}`,
      body: `Overdue: ${titles.slice(0, 5).join(", ") || plural(t.overdue_task_count, "task")}. Complete or reschedule them.`,
      priority: t.overdue_task_count >= 3 ? "urgent" : "high",
      score: Math.min(1, 0.5 + 0.15 * t.overdue_task_count),
    });
  }
  if (t.interaction_count === 0) {
    const age = recordAgeDays(brief);
    insights.push({
      insight_type: "no_contact",
      title: `No contact logged with ${name}`,
      body: `The record is ${plural(age, "day")} old and has no logged interaction. Reach out and log the first contact.`,
      priority: age > 7 ? "high" : "medium",
      score: Math.min(1, 0.4 + age / 60),
    });
  } else if (d !== null && d >= 30) {
    const last = t.recent_interactions[0]!;
    insights.push({
      insight_type: "stale_engagement",
      title: `${plural(d, "day")} since the last contact with ${name}`,
      body: `The last interaction was a ${last.type} on ${day(last.occurred_at)}: "${last.summary}". Follow up before the relationship goes cold.`,
      priority: d >= 90 ? "high" : "medium",
      score: Math.min(1, d / 90),
    });
  } else if (d !== null && d <= 7) {
    insights.push({
      insight_type: "recent_activity",
      title: `Active: ${t.recent_interactions[0]!.type} ${d === 0 ? "today" : plural(d, "day") + " ago"}`,
      body: `${plural(t.interaction_count, "interaction")} logged; the latest: "${t.recent_interactions[0]!.summary}". A good moment to agree the next step.`,
      priority: "low",
      score: 0.3,
    });
  }
  if (t.interaction_count > 0 && t.open_tasks.length === 0) {
    insights.push({ insight_type: "no_next_step", title: `No open task on ${name}`, body: "Interactions are logged but nothing is planned next. Create a task for the next step.", priority: "medium", score: 0.5 });
  }
  if (brief.empty_fields.length > 0) {
    insights.push({
      insight_type: "missing_data",
      title: `${plural(brief.empty_fields.length, "field")} empty`,
      body: `No value for ${brief.empty_fields.slice(0, 8).join(", ")}${brief.empty_fields.length > 8 ? ", ..." : ""}. Complete the record for better tracking.`,
      priority: "low",
      score: Math.min(1, brief.empty_fields.length / Math.max(1, brief.empty_fields.length + brief.fields.length)),
    });
  }
  return insights;
}

const purposeOpeners: Record<string, string> = {
  follow_up: "I wanted to follow up on our recent conversation.",
  check_in: "I wanted to check in and see how things are going.",
  introduction: "I would like to introduce myself and our work.",
  thank_you: "Thank you for your time, it is much appreciated.",
  reminder: "A quick reminder about what we agreed.",
  meeting_request: "Could we find a time to meet in the coming days?",
};

/** A template draft from the record: greeting, purpose, the last contact, open next steps. */
export function heuristicDraft(brief: RecordBrief, request: MessageRequest): MessageDraft {
  const t = brief.tracking;
  const name = request.recipientName?.trim() || recordName(brief);
  const key = request.purpose.trim().toLowerCase().replace(/[\s-]+/g, "_");
  const opener = purposeOpeners[key] ?? `I am writing about ${request.purpose.trim()}.`;
  const last = t.recent_interactions[0];
  const reference = last ? `Following our ${last.type} on ${day(last.occurred_at)} ("${last.summary}").` : "";
  const steps = t.open_tasks.slice(0, 3).map((x) => `${x.title}${x.due_at ? ` (by ${day(x.due_at)})` : ""}`);
  const label = key.replace(/_/g, " ");
  const subject = `${label.charAt(0).toUpperCase()}${label.slice(1)}: ${recordName(brief)}`;

  if (request.messageType === "sms" || request.messageType === "message") {
    const text = [`${request.tone === "formal" ? "Hello" : "Hi"} ${name},`, opener, reference, steps[0] ? `Next: ${steps[0]}.` : ""].filter(Boolean).join(" ");
    return { subject: null, body: text.length > 320 ? `${text.slice(0, 317)}...` : text };
  }
  const greeting = request.tone === "formal" ? `Dear ${name},` : request.tone === "concise" ? `${name},` : `Hi ${name},`;
  const paragraphs = [greeting, [opener, reference].filter(Boolean).join(" ")];
  if (steps.length && request.tone !== "concise") paragraphs.push(`Next steps:\n${steps.map((s) => `- ${s}`).join("\n")}`);
  else if (steps.length) paragraphs.push(`Next: ${steps[0]}.`);
  paragraphs.push(request.tone === "formal" ? "Kind regards," : request.tone === "concise" ? "Thanks," : "Best,");
  return { subject, body: paragraphs.join("\n\n") };
}

/** One suggestion per candidate, from its overdue tasks and how long it has been quiet. */
export function heuristicFollowUps(candidates: readonly FollowUpCandidate[], now: Date): FollowUp[] {
  return candidates.map((c) => {
    const days = c.lastInteractionAt ? Math.max(0, Math.floor((now.getTime() - c.lastInteractionAt.getTime()) / 86_400_000)) : null;
    if (c.overdueTasks > 0) {
      return {
        record_id: c.recordId,
        action: c.nextTaskTitle ? `Complete or reschedule "${c.nextTaskTitle}"` : "Deal with the overdue tasks",
        reason: `${plural(c.overdueTasks, "task")} overdue${days === null ? ", no interaction logged" : `, last contact ${plural(days, "day")} ago`}.`,
        priority: c.overdueTasks >= 3 ? "urgent" : "high",
        channel: c.lastInteractionType,
        due_in_days: 0,
      };
    }
    if (days === null) return { record_id: c.recordId, action: "Make first contact", reason: "No interaction has been logged yet.", priority: "medium", channel: "email", due_in_days: 2 };
    return {
      record_id: c.recordId,
      action: `Follow up by ${c.lastInteractionType ?? "email"}`,
      reason: `Last contact was ${plural(days, "day")} ago${c.lastInteractionSummary ? `: "${c.lastInteractionSummary}"` : ""}.`,
      priority: days >= 60 ? "high" : "medium",
      channel: c.lastInteractionType,
      due_in_days: days >= 60 ? 1 : 3,
    };
  });
}
