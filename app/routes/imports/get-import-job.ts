import type { OpenAPIHono } from "@hono/zod-openapi";
import { getImportJob } from "../../../core/imports/get-import-job.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { ImportJobSchema, JobIdParams } from "./schemas.ts";

export const getImportJobRoute = defineRoute({
  method: "get",
  path: "/api/v1/recordsets/import/jobs/{job_id}",
  operationId: "getImportJob",
  tags: ["Recordset Import"],
  summary: "Get details of an import/export job",
  description:
    "Status and progress (rows processed, imported, rejected; live while running), the validation summary once completed, " +
    "a signed error-report URL when rows were rejected and an export's download URL. 404 for a job outside the workspace.",
  auth: "user",
  request: { params: JobIdParams },
  responses: { 200: jsonContent(ImportJobSchema, "The job") },
});

export function registerGetImportJob(app: OpenAPIHono<AppEnv>): void {
  app.openapi(getImportJobRoute, async (c) => {
    const job = await getImportJob(c.get("services"), c.get("actor"), { jobId: c.req.valid("param").job_id, kinds: ["import", "export"] });
    return c.json(job, 200);
  });
}
