import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { downloadImportErrorReport } from "../../../core/imports/import-error-reports.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute } from "../../http/define-route.ts";
import { JobIdParams } from "./schemas.ts";

const SignedQuery = z.object({
  exp: z.string().openapi({ description: "Expiry, unix seconds", example: "1767225600" }),
  sig: z.string().openapi({ description: "HMAC-SHA256 signature (base64url)" }),
});

export const downloadImportErrorReportRoute = defineRoute({
  method: "get",
  path: "/api/v1/recordsets/import/error-report/{job_id}",
  operationId: "downloadImportErrorReport",
  tags: ["Recordset Import"],
  summary: "Download an import error report via signed URL",
  description:
    "The CSV of rejected rows (row_number, column, reason) as an attachment, for direct browser download. No other credentials: `exp` and `sig` are the " +
    "credential (from getImportJob or getImportReportUrl); a forged signature answers 401, an expired one 403. 404 when the job has no report.",
  auth: "signed-url",
  errors: [404],
  request: { params: JobIdParams, query: SignedQuery },
  responses: { 200: { description: "The report", content: { "text/csv": { schema: z.string().openapi({ format: "binary" }) } } } },
});

export function registerDownloadImportErrorReport(app: OpenAPIHono<AppEnv>): void {
  app.openapi(downloadImportErrorReportRoute, async (c) => {
    const report = await downloadImportErrorReport(c.get("services"), { jobId: c.req.valid("param").job_id });
    return new Response(report.body, {
      status: 200,
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-length": String(report.size),
        "content-disposition": `attachment; filename="${report.fileName}"`,
        "x-content-type-options": "nosniff",
        "cache-control": "private, no-store",
      },
    });
  });
}
