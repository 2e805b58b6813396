import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { listRecordInsights } from "../../../core/tracking/list-record-insights.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { FlagQuery, InsightListSchema, PageQuery, RecordIdParams } from "./schemas.ts";

export const listRecordInsightsRoute = defineRoute({
  method: "get",
  path: "/api/v1/tracking/{record_id}/insights",
  operationId: "listRecordInsights",
  tags: ["Record Tracking"],
  summary: "List AI insights for a record",
  description: "Newest first. Dismissed insights are left out unless `include_dismissed=true`. Requires `can_view` on the record's recordset.",
  auth: "user",
  request: {
    params: RecordIdParams,
    query: z.object({
      ...PageQuery,
      insight_type: z.string().trim().min(1).max(60).optional().openapi({ example: "stale_engagement" }),
      include_dismissed: FlagQuery.default("false").openapi({ description: "Include dismissed insights" }),
    }),
  },
  responses: { 200: jsonContent(InsightListSchema, "A page of insights") },
});

export function registerListRecordInsights(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listRecordInsightsRoute, async (c) => {
    const { record_id } = c.req.valid("param");
    const q = c.req.valid("query");
    const page = await listRecordInsights(c.get("services"), c.get("actor"), {
      recordId: record_id,
      page: q.page,
      pageSize: q.page_size,
      insightType: q.insight_type,
      includeDismissed: q.include_dismissed === "true",
    });
    return c.json(page, 200);
  });
}
