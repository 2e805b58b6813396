import type { OpenAPIHono } from "@hono/zod-openapi";
import { dismissRecordInsight } from "../../../core/tracking/dismiss-record-insight.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { InsightIdParams, InsightSchema } from "./schemas.ts";

export const dismissRecordInsightRoute = defineRoute({
  method: "post",
  path: "/api/v1/tracking/insights/{insight_id}/dismiss",
  operationId: "dismissRecordInsight",
  tags: ["Record Tracking"],
  summary: "Dismiss an insight",
  description: "Lists hide it unless `include_dismissed=true`. Requires `can_edit` on the record's recordset, or `can_edit_own` on one's own record.",
  auth: "user",
  request: { params: InsightIdParams },
  responses: { 200: jsonContent(InsightSchema, "The dismissed insight") },
});

export function registerDismissRecordInsight(app: OpenAPIHono<AppEnv>): void {
  app.openapi(dismissRecordInsightRoute, async (c) => {
    const { insight_id } = c.req.valid("param");
    return c.json(await dismissRecordInsight(c.get("services"), c.get("actor"), { insightId: insight_id }), 200);
  });
}
