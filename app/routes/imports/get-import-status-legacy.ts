import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { getImportJob } from "../../../core/imports/get-import-job.ts";
import { importJobStatuses } from "../../../core/imports/import-job-view.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { JobIdParams } from "./schemas.ts";

const LegacyStatusSchema = z
  .object({
    job_id: z.string(),
    status: z.enum(importJobStatuses),
    progress: z.number().int().openapi({ description: "0-100", example: 40 }),
    total_rows: z.number().int().nullable(),
    processed_rows: z.number().int(),
    imported_rows: z.number().int(),
    error_rows: z.number().int(),
    error: z.string().nullable(),
  })
  .openapi("ImportStatusLegacy");

export const getImportStatusLegacyRoute = defineRoute({
  method: "get",
  path: "/api/v1/recordsets/import/status/{job_id}",
  operationId: "getImportStatusLegacy",
  tags: ["Recordset Import"],
  summary: "Get an import job's status (legacy)",
  description: "The import job's status in the older flat shape. GET /api/v1/recordsets/import/jobs/{job_id} is the detailed replacement. 404 for an unknown job.",
  auth: "user",
  request: { params: JobIdParams },
  responses: { 200: jsonContent(LegacyStatusSchema, "The status") },
});

export function registerGetImportStatusLegacy(app: OpenAPIHono<AppEnv>): void {
  app.openapi(getImportStatusLegacyRoute, async (c) => {
    const job = await getImportJob(c.get("services"), c.get("actor"), { jobId: c.req.valid("param").job_id, kinds: ["import"] });
    return c.json(
      {
        job_id: job.id,
        status: job.status,
        progress: job.progress.percent,
        total_rows: job.progress.total,
        processed_rows: job.progress.processed,
        imported_rows: job.progress.imported,
        error_rows: job.progress.rejected,
        error: job.error,
      },
      200,
    );
  });
}
