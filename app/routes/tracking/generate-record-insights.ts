import type { OpenAPIHono } from "@hono/zod-openapi";
import { generateRecordInsights } from "../../../core/tracking/generate-record-insights.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { GeneratedInsightsSchema, RecordIdParams } from "./schemas.ts";

export const generateRecordInsightsRoute = defineRoute({
  method: "post",
  path: "/api/v1/tracking/{record_id}/insights/generate",
  operationId: "generateRecordInsights",
  tags: ["Record Tracking"],
  summary: "Generate AI insights for a record",
  description:
    "Generates and stores insights (stale engagement, overdue tasks, missing data...): they replace the record's earlier generated insights nobody dismissed or acted on, and appear in the insight list. Offline: deterministic rules (`source: heuristic`). Requires `can_edit` (or `can_edit_own` on one's own record).",
  auth: "user",
  errors: [503],
  request: { params: RecordIdParams },
  responses: { 200: jsonContent(GeneratedInsightsSchema, "The stored insights") },
});

export function registerGenerateRecordInsights(app: OpenAPIHono<AppEnv>): void {
  app.openapi(generateRecordInsightsRoute, async (c) => {
    const { record_id } = c.req.valid("param");
    return c.json(await generateRecordInsights(c.get("services"), c.get("actor"), { recordId: record_id }), 200);
  });
}
