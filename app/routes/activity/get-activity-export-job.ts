import type { OpenAPIHono } from "@hono/zod-openapi";
import { getActivityExportJob } from "../../../core/activity/get-activity-export-job.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { ActivityExportJobSchema, exportJobJson, JobIdParamsSchema } from "./schemas.ts";

export const getActivityExportJobRoute = defineRoute({
  method: "get",
  path: "/api/v1/activity/export/jobs/{job_id}",
  operationId: "getActivityExportJob",
  tags: ["Activity Feed"],
  summary: "Get activity export job status",
  description:
    "Status and progress of one of your export jobs; once it succeeded, `output_data` holds a signed download URL " +
    "(valid one hour). Another user's or workspace's job answers 404. Requires `can_view_activity`.",
  auth: "user",
  request: { params: JobIdParamsSchema },
  responses: { 200: jsonContent(ActivityExportJobSchema, "The job") },
});

export function registerGetActivityExportJob(app: OpenAPIHono<AppEnv>): void {
  app.openapi(getActivityExportJobRoute, async (c) => {
    const job = await getActivityExportJob(c.get("services"), c.get("actor"), { jobId: c.req.valid("param").job_id });
    return c.json(exportJobJson(job, job.download), 200);
  });
}
