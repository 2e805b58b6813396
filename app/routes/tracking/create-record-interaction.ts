import type { OpenAPIHono } from "@hono/zod-openapi";
import { createRecordInteraction } from "../../../core/tracking/create-record-interaction.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { interactionFields, InteractionBody, InteractionSchema, RecordIdParams } from "./schemas.ts";

export const createRecordInteractionRoute = defineRoute({
  method: "post",
  path: "/api/v1/tracking/{record_id}/interactions",
  operationId: "createRecordInteraction",
  tags: ["Record Tracking"],
  summary: "Log an interaction on a record",
  description: "Adds it to the record's timeline (`occurred_at` defaults to now, never in the future). Requires `can_edit` on the recordset, or `can_edit_own` on one's own record.",
  auth: "user",
  request: { params: RecordIdParams, body: { content: { "application/json": { schema: InteractionBody } }, required: true } },
  responses: { 200: jsonContent(InteractionSchema, "The logged interaction") },
});

export function registerCreateRecordInteraction(app: OpenAPIHono<AppEnv>): void {
  app.openapi(createRecordInteractionRoute, async (c) => {
    const { record_id } = c.req.valid("param");
    const b = c.req.valid("json");
    const created = await createRecordInteraction(c.get("services"), c.get("actor"), { recordId: record_id, ...interactionFields(b) });
    return c.json(created, 200);
  });
}
