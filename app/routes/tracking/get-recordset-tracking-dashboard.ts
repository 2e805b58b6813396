import type { OpenAPIHono } from "@hono/zod-openapi";
import { getRecordsetTrackingDashboard } from "../../../core/tracking/get-recordset-tracking-dashboard.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { RecordsetIdParams, TrackingDashboardSchema } from "./schemas.ts";

export const getRecordsetTrackingDashboardRoute = defineRoute({
  method: "get",
  path: "/api/v1/tracking/{recordset_id}/dashboard",
  operationId: "getRecordsetTrackingDashboard",
  tags: ["Record Tracking"],
  summary: "Get a recordset's tracking dashboard metrics",
  description:
    "Interactions (by type, last 7 and 30 days), tasks (open, overdue, due within 7 days, completed), records without an interaction in 30 days, and active insights by type, over the recordset's records. Requires `can_view` on the recordset.",
  auth: "user",
  request: { params: RecordsetIdParams },
  responses: { 200: jsonContent(TrackingDashboardSchema, "The metrics") },
});

export function registerGetRecordsetTrackingDashboard(app: OpenAPIHono<AppEnv>): void {
  app.openapi(getRecordsetTrackingDashboardRoute, async (c) => {
    const { recordset_id } = c.req.valid("param");
    return c.json(await getRecordsetTrackingDashboard(c.get("services"), c.get("actor"), { recordsetId: recordset_id }), 200);
  });
}
