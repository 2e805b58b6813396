import { describe, expect, it } from "vitest";
import type { RecordRecord } from "../../../core/records/record-repository.ts";
import type { RecordsetRecord } from "../../../core/recordsets/recordset-repository.ts";
import { recordBrief, type RecordBrief } from "../../../core/tracking/record-brief.ts";
import { engagementScore, heuristicAnalysis, heuristicDraft, heuristicFollowUps, heuristicInsights, recordHealth } from "../../../core/tracking/tracking-heuristics.ts";
import type { InteractionRecord, RecordTrackingContext, TaskRecord } from "../../../core/tracking/tracking-repository.ts";

const now = new Date("2026-03-01T12:00:00Z");
const day = 86_400_000;
const ago = (n: number) => new Date(now.getTime() - n * day);

const recordset = {
  id: "rs",
  name: "Deals",
  fields: [
    { key: "name", name: "Name", type: "text" },
    { key: "amount", name: "Amount", type: "currency" },
    { key: "email", name: "Email", type: "email" },
    { key: "area", name: "Area", type: "geometry" },
  ],
} as unknown as RecordsetRecord;

const record = (created = ago(100)) =>
  ({ id: "0190000000000000000000000000abcd", title: "Acme", status: "active", tags: [], fieldValues: { name: "Acme", amount: 5000, area: { type: "Point", coordinates: [1, 2] } }, createdAt: created, updatedAt: created }) as unknown as RecordRecord;

const interaction = (daysAgo: number, summary = "Intro call", type: InteractionRecord["interactionType"] = "call"): InteractionRecord => ({
  id: `i${daysAgo}`,
  recordId: "r",
  interactionType: type,
  summary,
  notes: null,
  occurredAt: ago(daysAgo),
  durationMinutes: null,
  outcome: null,
  createdBy: null,
  createdAt: ago(daysAgo),
  updatedAt: ago(daysAgo),
});

const task = (title: string, dueDaysFromNow: number | null): TaskRecord => ({
  id: title,
  recordId: "r",
  title,
  description: null,
  dueAt: dueDaysFromNow === null ? null : new Date(now.getTime() + dueDaysFromNow * day),
  priority: "medium",
  status: "todo",
  assigneeId: null,
  completedAt: null,
  completedBy: null,
  createdBy: null,
  createdAt: ago(1),
  updatedAt: ago(1),
});

function brief(interactions: InteractionRecord[], tasks: TaskRecord[] = [], created?: Date): RecordBrief {
  const context: RecordTrackingContext = {
    interactionCount: interactions.length,
    lastInteractionAt: interactions[0]?.occurredAt ?? null,
    recentInteractions: interactions,
    openTasks: tasks,
    overdueTasks: tasks.filter((t) => t.dueAt && t.dueAt < now).length,
    activeInsights: [],
  };
  return recordBrief(record(created), recordset, context, now);
}

describe("record brief", () => {
  it("names values by the recordset's field names, leaves geometry out and lists empty fields", () => {
    const b = brief([interaction(3)]);
    expect(b.fields).toEqual([
      { key: "name", name: "Name", type: "text", value: "Acme" },
      { key: "amount", name: "Amount", type: "currency", value: 5000 },
    ]);
    expect(b.empty_fields).toEqual(["Email"]);
    expect(b.tracking).toMatchObject({ interaction_count: 1, days_since_last_interaction: 3 });
  });
});

describe("tracking heuristics", () => {
  it("health and engagement follow contact recency and overdue work", () => {
    expect(recordHealth(brief([interaction(2)], [task("Next", 3)]))).toBe("healthy");
    expect(recordHealth(brief([interaction(40)], [task("Next", 3)]))).toBe("needs_attention");
    expect(recordHealth(brief([interaction(2)], [task("Late", -1)]))).toBe("at_risk");
    expect(recordHealth(brief([], [], ago(3)))).toBe("new");
    expect(recordHealth(brief([], [], ago(30)))).toBe("at_risk");
    expect(engagementScore(brief([interaction(2)], [task("Next", 3)]))).toBeGreaterThan(engagementScore(brief([interaction(100)])));
  });

  it("analysis cites the record's facts and is deterministic", () => {
    const b = brief([interaction(45, "Sent pricing", "email")], [task("Chase signature", -2)]);
    const a = heuristicAnalysis(b);
    expect(a.summary).toContain("Acme (Deals)");
    expect(a.summary).toContain('"Sent pricing"');
    expect(a.key_points).toContain("Amount: 5000");
    expect(a.risks.join(" ")).toMatch(/45 days/);
    expect(a.next_actions[0]).toContain("Chase signature");
    expect(heuristicAnalysis(b)).toEqual(a);
  });

  it("insights: overdue tasks, stale engagement, missing data; no contact for a new record", () => {
    const types = heuristicInsights(brief([interaction(45)], [task("Chase", -2)])).map((i) => i.insight_type);
    expect(types).toEqual(["overdue_tasks", "stale_engagement", "missing_data"]);
    const fresh = heuristicInsights(brief([], [], ago(2)));
    expect(fresh[0]).toMatchObject({ insight_type: "no_contact", priority: "medium" });
    expect(heuristicInsights(brief([interaction(1)])).map((i) => i.insight_type)).toEqual(["recent_activity", "no_next_step", "missing_data"]);
  });

  it("drafts refer to the last interaction and next steps, per tone and channel", () => {
    const b = brief([interaction(4, "Discussed the pilot")], [task("Share the plan", 2)]);
    const email = heuristicDraft(b, { messageType: "email", purpose: "follow_up", tone: "formal", recipientName: "Ada" });
    expect(email.subject).toBe("Follow up: Acme");
    expect(email.body).toMatch(/^Dear Ada,/);
    expect(email.body).toContain("Discussed the pilot");
    expect(email.body).toContain("- Share the plan");
    const sms = heuristicDraft(b, { messageType: "sms", purpose: "pricing questions", tone: "friendly" });
    expect(sms.subject).toBeNull();
    expect(sms.body).toContain("I am writing about pricing questions.");
    expect(sms.body.length).toBeLessThanOrEqual(320);
  });

  it("follow-ups: overdue first wording, first contact, stale follow-up by the last channel", () => {
    const base = { title: "X", lastInteractionSummary: null, openTasks: 0, nextTaskTitle: null, nextTaskDueAt: null };
    const [overdue, never, stale] = heuristicFollowUps(
      [
        { ...base, recordId: "a", lastInteractionAt: ago(1), lastInteractionType: "call", overdueTasks: 3, openTasks: 3, nextTaskTitle: "Sign" },
        { ...base, recordId: "b", lastInteractionAt: null, lastInteractionType: null, overdueTasks: 0 },
        { ...base, recordId: "c", lastInteractionAt: ago(70), lastInteractionType: "visit", lastInteractionSummary: "Site tour", overdueTasks: 0 },
      ],
      now,
    );
    expect(overdue).toMatchObject({ priority: "urgent", due_in_days: 0, action: 'Complete or reschedule "Sign"' });
    expect(never).toMatchObject({ action: "Make first contact", channel: "email" });
    expect(stale).toMatchObject({ action: "Follow up by visit", priority: "high" });
    expect(stale!.reason).toContain("70 days");
  });
});
