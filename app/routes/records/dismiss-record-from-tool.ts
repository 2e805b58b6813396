import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { dismissRecordFromTool } from "../../../core/records/dismiss-record-from-tool.ts";
import { toRecordJson } from "../../../core/records/record-view.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { RecordIdParams, RecordSchema } from "./schemas.ts";

export const dismissRecordFromToolRoute = defineRoute({
  method: "post",
  path: "/api/v1/records/{record_id}/dismiss",
  operationId: "dismissRecordFromTool",
  tags: ["Records"],
  summary: "Remove a record from a tool's view without deleting it",
  description:
    "Clears the record's status for `tool`, so it no longer appears in that tool's view; the record itself is kept. Needs `can_edit` (or `can_edit_own`). Dismissing a record that is not in the tool's view changes nothing.",
  auth: "user",
  request: {
    params: RecordIdParams,
    query: z.object({ tool: z.string().trim().min(1).max(100).openapi({ description: "The tool whose view to leave", example: "prospecting" }) }),
  },
  responses: { 200: jsonContent(RecordSchema, "The record, without a status for that tool") },
});

export function registerDismissRecordFromTool(app: OpenAPIHono<AppEnv>): void {
  app.openapi(dismissRecordFromToolRoute, async (c) => {
    const { record_id } = c.req.valid("param");
    const { tool } = c.req.valid("query");
    return c.json(toRecordJson(await dismissRecordFromTool(c.get("services"), c.get("actor"), { recordId: record_id, tool })), 200);
  });
}
