import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { downloadActivityExport } from "../../../core/activity/download-activity-export.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute } from "../../http/define-route.ts";
import { JobIdParamsSchema } from "./schemas.ts";

export const downloadActivityExportRoute = defineRoute({
  method: "get",
  path: "/api/v1/activity/export/jobs/{job_id}/download",
  operationId: "downloadActivityExport",
  tags: ["Activity Feed"],
  summary: "Download the activity export file",
  description:
    "Streams the file of one of your finished exports (CSV or JSON) as an attachment. 409 while the job is " +
    "queued, running, failed or cancelled. Requires `can_view_activity`.",
  auth: "user",
  errors: [409],
  request: { params: JobIdParamsSchema },
  responses: {
    200: {
      description: "The export file",
      content: {
        "text/csv": { schema: z.string().openapi({ format: "binary" }) },
        "application/json": { schema: z.string().openapi({ format: "binary" }) },
      },
    },
  },
});

export function registerDownloadActivityExport(app: OpenAPIHono<AppEnv>): void {
  app.openapi(downloadActivityExportRoute, async (c) => {
    const file = await downloadActivityExport(c.get("services"), c.get("actor"), { jobId: c.req.valid("param").job_id });
    return new Response(file.body, {
      status: 200,
      headers: {
        "content-type": file.contentType,
        "content-length": String(file.size),
        "content-disposition": `attachment; filename="${file.fileName}"`,
        "x-content-type-options": "nosniff",
        "cache-control": "private, no-store",
      },
    });
  });
}
