import type { OpenAPIHono } from "@hono/zod-openapi";
import { updateRecordInteraction } from "../../../core/tracking/update-record-interaction.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { interactionFields, InteractionIdParams, InteractionPatchBody, InteractionSchema } from "./schemas.ts";

export const updateRecordInteractionRoute = defineRoute({
  method: "put",
  path: "/api/v1/tracking/interactions/{interaction_id}",
  operationId: "updateRecordInteraction",
  tags: ["Record Tracking"],
  summary: "Update an interaction",
  description: "Changes the fields given (at least one); null clears notes, duration or outcome. Requires `can_edit` (or `can_edit_own` on one's own record).",
  auth: "user",
  request: { params: InteractionIdParams, body: { content: { "application/json": { schema: InteractionPatchBody } }, required: true } },
  responses: { 200: jsonContent(InteractionSchema, "The interaction") },
});

export function registerUpdateRecordInteraction(app: OpenAPIHono<AppEnv>): void {
  app.openapi(updateRecordInteractionRoute, async (c) => {
    const { interaction_id } = c.req.valid("param");
    const b = c.req.valid("json");
    const updated = await updateRecordInteraction(c.get("services"), c.get("actor"), { interactionId: interaction_id, ...interactionFields(b) });
    return c.json(updated, 200);
  });
}
