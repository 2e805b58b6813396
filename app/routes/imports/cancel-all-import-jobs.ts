import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { cancelAllImportJobs } from "../../../core/imports/manage-import-jobs.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";

const CancelAllSchema = z
  .object({ cancelled: z.number().int().openapi({ example: 3 }), job_ids: z.array(z.string()) })
  .openapi("CancelAllImportJobs");

export const cancelAllImportJobsRoute = defineRoute({
  method: "post",
  path: "/api/v1/recordsets/import/jobs/cancel-all",
  operationId: "cancelAllImportJobs",
  tags: ["Recordset Import"],
  summary: "Cancel all active import/export jobs",
  description: "Cancels every pending or running import and export job of the workspace (a member's own; every job for admins) and returns how many.",
  auth: "user",
  responses: { 200: jsonContent(CancelAllSchema, "How many jobs were cancelled") },
});

export function registerCancelAllImportJobs(app: OpenAPIHono<AppEnv>): void {
  app.openapi(cancelAllImportJobsRoute, async (c) => {
    const result = await cancelAllImportJobs(c.get("services"), c.get("actor"));
    return c.json({ cancelled: result.cancelled, job_ids: result.jobIds }, 200);
  });
}
