import type { OpenAPIHono } from "@hono/zod-openapi";
import { analyzeRecord } from "../../../core/tracking/analyze-record.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { RecordAnalysisSchema, RecordIdParams } from "./schemas.ts";

export const analyzeRecordRoute = defineRoute({
  method: "post",
  path: "/api/v1/tracking/{record_id}/analyze",
  operationId: "analyzeRecord",
  tags: ["Record Tracking"],
  summary: "Run an AI analysis of a record",
  description:
    "Health, engagement score, risks, opportunities and next actions from the record's values, interactions and tasks, through the configured LLM (usage recorded). With the offline provider the result is deterministic and labelled (`offline: true`, `source: heuristic`). A model answer that cannot be used is a 503. Requires `can_view`.",
  auth: "user",
  errors: [503],
  request: { params: RecordIdParams },
  responses: { 200: jsonContent(RecordAnalysisSchema, "The analysis") },
});

export function registerAnalyzeRecord(app: OpenAPIHono<AppEnv>): void {
  app.openapi(analyzeRecordRoute, async (c) => {
    const { record_id } = c.req.valid("param");
    return c.json(await analyzeRecord(c.get("services"), c.get("actor"), { recordId: record_id }), 200);
  });
}
