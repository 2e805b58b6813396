import type { OpenAPIHono } from "@hono/zod-openapi";
import { cancelImportJob } from "../../../core/imports/manage-import-jobs.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { ImportJobSchema, JobIdParams } from "./schemas.ts";

export const cancelImportJobRoute = defineRoute({
  method: "post",
  path: "/api/v1/recordsets/import/jobs/{job_id}/cancel",
  operationId: "cancelImportJob",
  tags: ["Recordset Import"],
  summary: "Cancel a queued or running import/export job",
  description:
    "The job's status is `cancelled` at once. A queued job never starts; a running worker stops at its next batch (best effort: rows already " +
    "committed stay). 409 for a completed or failed job; 404 for an unknown one. Only the job's creator or a workspace admin may cancel (403).",
  auth: "user",
  errors: [409],
  request: { params: JobIdParams },
  responses: { 200: jsonContent(ImportJobSchema, "The cancelled job") },
});

export function registerCancelImportJob(app: OpenAPIHono<AppEnv>): void {
  app.openapi(cancelImportJobRoute, async (c) => {
    const job = await cancelImportJob(c.get("services"), c.get("actor"), { jobId: c.req.valid("param").job_id });
    return c.json(job, 200);
  });
}
