import type { OpenAPIHono } from "@hono/zod-openapi";
import { deleteImportJob } from "../../../core/imports/manage-import-jobs.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute } from "../../http/define-route.ts";
import { JobIdParams } from "./schemas.ts";

export const deleteImportJobRoute = defineRoute({
  method: "delete",
  path: "/api/v1/recordsets/import/jobs/{job_id}",
  operationId: "deleteImportJob",
  tags: ["Recordset Import"],
  summary: "Delete a finished job from history",
  description: "Removes a completed, failed or cancelled job (409 while pending or running; 404 when unknown). Only its creator or a workspace admin (403).",
  auth: "user",
  errors: [409],
  request: { params: JobIdParams },
  responses: { 204: { description: "Deleted" } },
});

export function registerDeleteImportJob(app: OpenAPIHono<AppEnv>): void {
  app.openapi(deleteImportJobRoute, async (c) => {
    await deleteImportJob(c.get("services"), c.get("actor"), { jobId: c.req.valid("param").job_id });
    return c.body(null, 204);
  });
}
