import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { getActivityExportDownloadUrl } from "../../../core/activity/get-activity-export-download-url.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { JobIdParamsSchema } from "./schemas.ts";

const ExportDownloadUrlSchema = z
  .object({
    download_url: z.string().openapi({ description: "Signed URL; no other credentials needed until it expires" }),
    expires_at: z.string().openapi({ format: "date-time" }),
    file_name: z.string().openapi({ example: "activity-2026-11-28.csv" }),
  })
  .openapi("ActivityExportDownloadUrl");

export const getActivityExportDownloadUrlRoute = defineRoute({
  method: "get",
  path: "/api/v1/activity/export/jobs/{job_id}/download-url",
  operationId: "getActivityExportDownloadUrl",
  tags: ["Activity Feed"],
  summary: "Get a download URL for the export file",
  description: "A fresh signed URL (valid one hour) of one of your finished exports; 409 while not finished. Requires `can_view_activity`.",
  auth: "user",
  errors: [409],
  request: { params: JobIdParamsSchema },
  responses: { 200: jsonContent(ExportDownloadUrlSchema, "The signed URL") },
});

export function registerGetActivityExportDownloadUrl(app: OpenAPIHono<AppEnv>): void {
  app.openapi(getActivityExportDownloadUrlRoute, async (c) => {
    const link = await getActivityExportDownloadUrl(c.get("services"), c.get("actor"), { jobId: c.req.valid("param").job_id });
    return c.json({ download_url: link.url, expires_at: link.expiresAt.toISOString(), file_name: link.fileName }, 200);
  });
}
