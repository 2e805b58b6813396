import type { OpenAPIHono } from "@hono/zod-openapi";
import { draftRecordMessage } from "../../../core/tracking/draft-record-message.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { DraftMessageBody, MessageDraftSchema, RecordIdParams } from "./schemas.ts";

export const draftRecordMessageRoute = defineRoute({
  method: "post",
  path: "/api/v1/tracking/{record_id}/draft-message",
  operationId: "draftRecordMessage",
  tags: ["Record Tracking"],
  summary: "Draft an AI message about a record",
  description:
    "Drafts an email, SMS, letter or chat message for a purpose from the record's data and last interactions. Only drafts: nothing is sent or stored. With the offline provider the draft is a deterministic template (`source: heuristic`). Requires `can_view`.",
  auth: "user",
  errors: [503],
  request: { params: RecordIdParams, body: { content: { "application/json": { schema: DraftMessageBody } }, required: false } },
  responses: { 200: jsonContent(MessageDraftSchema, "The draft") },
});

export function registerDraftRecordMessage(app: OpenAPIHono<AppEnv>): void {
  app.openapi(draftRecordMessageRoute, async (c) => {
    const { record_id } = c.req.valid("param");
    // The body is optional: without one, validation is skipped, so the defaults are applied here.
    const b = DraftMessageBody.parse((c.req.valid("json") as unknown) ?? {});
    const draft = await draftRecordMessage(c.get("services"), c.get("actor"), {
      recordId: record_id,
      messageType: b.message_type,
      purpose: b.purpose,
      tone: b.tone,
      recipientName: b.recipient_name,
      instructions: b.instructions,
    });
    return c.json(draft, 200);
  });
}
