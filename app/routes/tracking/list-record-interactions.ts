import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { listRecordInteractions } from "../../../core/tracking/list-record-interactions.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { InteractionListSchema, InteractionTypeSchema, PageQuery, RecordIdParams } from "./schemas.ts";

export const listRecordInteractionsRoute = defineRoute({
  method: "get",
  path: "/api/v1/tracking/{record_id}/interactions",
  operationId: "listRecordInteractions",
  tags: ["Record Tracking"],
  summary: "List a record's interactions as a timeline",
  description: "Most recent `occurred_at` first. Requires `can_view` on the record's recordset.",
  auth: "user",
  request: { params: RecordIdParams, query: z.object({ ...PageQuery, interaction_type: InteractionTypeSchema.optional() }) },
  responses: { 200: jsonContent(InteractionListSchema, "A page of the timeline") },
});

export function registerListRecordInteractions(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listRecordInteractionsRoute, async (c) => {
    const { record_id } = c.req.valid("param");
    const q = c.req.valid("query");
    const page = await listRecordInteractions(c.get("services"), c.get("actor"), { recordId: record_id, page: q.page, pageSize: q.page_size, interactionType: q.interaction_type });
    return c.json(page, 200);
  });
}
