import type { OpenAPIHono } from "@hono/zod-openapi";
import { deleteRecordInteraction } from "../../../core/tracking/delete-record-interaction.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { DeletedSchema, InteractionIdParams } from "./schemas.ts";

export const deleteRecordInteractionRoute = defineRoute({
  method: "delete",
  path: "/api/v1/tracking/interactions/{interaction_id}",
  operationId: "deleteRecordInteraction",
  tags: ["Record Tracking"],
  summary: "Delete an interaction",
  description: "Removes it from the timeline for good. Requires `can_edit` (or `can_edit_own` on one's own record).",
  auth: "user",
  request: { params: InteractionIdParams },
  responses: { 200: jsonContent(DeletedSchema, "Deleted") },
});

export function registerDeleteRecordInteraction(app: OpenAPIHono<AppEnv>): void {
  app.openapi(deleteRecordInteractionRoute, async (c) => {
    const { interaction_id } = c.req.valid("param");
    return c.json(await deleteRecordInteraction(c.get("services"), c.get("actor"), { interactionId: interaction_id }), 200);
  });
}
