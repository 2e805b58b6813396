import type { OpenAPIHono } from "@hono/zod-openapi";
import { markInsightActionTaken } from "../../../core/tracking/mark-insight-action-taken.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { InsightIdParams, InsightSchema } from "./schemas.ts";

export const markInsightActionTakenRoute = defineRoute({
  method: "post",
  path: "/api/v1/tracking/insights/{insight_id}/action-taken",
  operationId: "markInsightActionTaken",
  tags: ["Record Tracking"],
  summary: "Mark that action was taken on an insight",
  description: "Records who acted and when (the first time only). Requires `can_edit` on the record's recordset, or `can_edit_own` on one's own record.",
  auth: "user",
  request: { params: InsightIdParams },
  responses: { 200: jsonContent(InsightSchema, "The insight") },
});

export function registerMarkInsightActionTaken(app: OpenAPIHono<AppEnv>): void {
  app.openapi(markInsightActionTakenRoute, async (c) => {
    const { insight_id } = c.req.valid("param");
    return c.json(await markInsightActionTaken(c.get("services"), c.get("actor"), { insightId: insight_id }), 200);
  });
}
