import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { getImportReportUrl } from "../../../core/imports/import-error-reports.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { JobIdParams } from "./schemas.ts";

const ReportUrlSchema = z
  .object({ report_url: z.string().openapi({ description: "Signed; no other credentials needed until it expires" }), expires_at: z.string().openapi({ format: "date-time" }) })
  .openapi("ImportReportUrl");

export const getImportReportUrlRoute = defineRoute({
  method: "get",
  path: "/api/v1/recordsets/import/jobs/{job_id}/report-url",
  operationId: "getImportReportUrl",
  tags: ["Recordset Import"],
  summary: "Get a fresh signed URL for a job's error report",
  description: "A newly signed URL (valid one hour) of the import's error report, for when an earlier one expired. 404 when the job does not exist or has no report.",
  auth: "user",
  request: { params: JobIdParams },
  responses: { 200: jsonContent(ReportUrlSchema, "The signed URL") },
});

export function registerGetImportReportUrl(app: OpenAPIHono<AppEnv>): void {
  app.openapi(getImportReportUrlRoute, async (c) => {
    const link = await getImportReportUrl(c.get("services"), c.get("actor"), { jobId: c.req.valid("param").job_id });
    return c.json({ report_url: link.url, expires_at: link.expiresAt.toISOString() }, 200);
  });
}
