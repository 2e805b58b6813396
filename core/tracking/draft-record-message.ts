import { z } from "zod";
import type { Actor } from "../auth/actor.ts";
import { askModel, labelsOf, type AiLabels } from "./ask-model.ts";
import { loadRecordBrief } from "./load-record-brief.ts";
import type { TrackingAiDeps } from "./tracking-deps.ts";
import { heuristicDraft, type MessageRequest } from "./tracking-heuristics.ts";

export const MessageAnswer = z.object({
  subject: z.string().max(300).nullable().optional(),
  body: z.string().min(1).max(10_000),
});

export type DraftRecordMessageInput = MessageRequest & { recordId: string; instructions?: string | undefined };

export type MessageDraftJson = AiLabels & {
  record_id: string;
  message_type: MessageRequest["messageType"];
  purpose: string;
  tone: MessageRequest["tone"];
  subject: string | null;
  body: string;
  /** Always false: this operation only drafts. */
  sent: false;
  generated_at: string;
};

const SYSTEM = [
  "You draft short business messages about one record of a CRM-like table (a contact, company, deal or property), from its data and interaction history.",
  "Write in the requested tone. Refer to the last interaction and open next steps when useful. Never invent facts, prices or promises that are not in the data.",
  "SMS and chat messages have no subject and stay under 320 characters.",
].join(" ");

/**
 * Drafts a message about the record (email, SMS, letter or chat message) for a purpose;
 * nothing is sent or stored. Needs `can_view` on the record.
 */
export async function draftRecordMessage(deps: TrackingAiDeps, actor: Actor, input: DraftRecordMessageInput): Promise<MessageDraftJson> {
  const { record, brief, now } = await loadRecordBrief(deps, actor, input.recordId, "view");
  const request = { message_type: input.messageType, purpose: input.purpose, tone: input.tone, recipient_name: input.recipientName ?? null, instructions: input.instructions ?? null };
  const { answer, result } = await askModel(deps, actor, {
    purpose: "tracking.draft_message",
    system: SYSTEM,
    instruction: `Draft a ${input.messageType} (${input.purpose}, ${input.tone} tone) about this record. Answer as JSON: {"subject": string or null, "body": string}. The request and the record:`,
    data: { request, record: brief },
    schema: MessageAnswer,
  });
  const draft = answer ? { subject: input.messageType === "sms" || input.messageType === "message" ? null : (answer.subject ?? null), body: answer.body } : heuristicDraft(brief, input);
  return {
    record_id: record.id,
    message_type: input.messageType,
    purpose: input.purpose,
    tone: input.tone,
    subject: draft.subject,
    body: draft.body,
    sent: false,
    ...labelsOf(result, answer !== null),
    generated_at: now.toISOString(),
  };
}
