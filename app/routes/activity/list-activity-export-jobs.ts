import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { listActivityExportJobs } from "../../../core/activity/list-activity-export-jobs.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { ActivityExportJobSchema, exportJobJson, pageQueryFields } from "./schemas.ts";

const ActivityExportJobListSchema = z
  .object({
    items: z.array(ActivityExportJobSchema),
    total: z.number().int().openapi({ example: 2 }),
    limit: z.number().int().openapi({ example: 20 }),
    offset: z.number().int().openapi({ example: 0 }),
  })
  .openapi("ActivityExportJobList");

export const listActivityExportJobsRoute = defineRoute({
  method: "get",
  path: "/api/v1/activity/export/jobs",
  operationId: "listActivityExportJobs",
  tags: ["Activity Feed"],
  summary: "List the current user's activity export jobs",
  description: "Your export jobs in this workspace, newest first. Requires `can_view_activity`.",
  auth: "user",
  request: { query: z.object(pageQueryFields) },
  responses: { 200: jsonContent(ActivityExportJobListSchema, "A page of jobs") },
});

export function registerListActivityExportJobs(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listActivityExportJobsRoute, async (c) => {
    const query = c.req.valid("query");
    const page = await listActivityExportJobs(c.get("services"), c.get("actor"), { limit: query.limit, offset: query.offset });
    return c.json({ ...page, items: page.items.map((job) => exportJobJson(job)) }, 200);
  });
}
