import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { startActivityExport } from "../../../core/activity/start-activity-export.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { activityFilterFields, activityFilterInput, ActivityExportJobSchema, ExportFormatSchema, exportJobJson } from "./schemas.ts";

const StartActivityExportSchema = z
  .object({ format: ExportFormatSchema.default("csv"), ...activityFilterFields })
  .openapi("StartActivityExport");

export const startActivityExportRoute = defineRoute({
  method: "post",
  path: "/api/v1/activity/export",
  operationId: "startActivityExport",
  tags: ["Activity Feed"],
  summary: "Start an async activity export job",
  description:
    "Queues an export of the activity matching the feed's filters and returns the job at once. Poll " +
    "`GET /activity/export/jobs/{job_id}`; when it succeeds, download the file. An `activity_export.completed` " +
    "event then notifies you per your notification settings. Requires `can_view_activity`.",
  auth: "user",
  request: { body: { content: { "application/json": { schema: StartActivityExportSchema } }, required: false } },
  responses: { 200: jsonContent(ActivityExportJobSchema, "The queued job") },
});

export function registerStartActivityExport(app: OpenAPIHono<AppEnv>): void {
  app.openapi(startActivityExportRoute, async (c) => {
    const body = c.req.valid("json") ?? { format: "csv" as const, scope: "all" as const };
    const job = await startActivityExport(c.get("services"), c.get("actor"), { ...activityFilterInput(body), format: body.format });
    return c.json(exportJobJson(job), 200);
  });
}
