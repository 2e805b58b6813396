import type { OpenAPIHono } from "@hono/zod-openapi";
import { listImportJobs } from "../../../core/imports/list-import-jobs.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { ImportJobListQuery, ImportJobListSchema } from "./schemas.ts";

export const listImportJobsRoute = defineRoute({
  method: "get",
  path: "/api/v1/recordsets/import/jobs",
  operationId: "listImportJobs",
  tags: ["Recordset Import"],
  summary: "List import/export jobs in the workspace",
  description: "The workspace's import and export jobs, newest first, paged; filter by `job_type` (import, export) and `status`.",
  auth: "user",
  request: { query: ImportJobListQuery },
  responses: { 200: jsonContent(ImportJobListSchema, "A page of jobs") },
});

export function registerListImportJobs(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listImportJobsRoute, async (c) => {
    const q = c.req.valid("query");
    const page = await listImportJobs(c.get("services"), c.get("actor"), {
      page: q.page,
      pageSize: q.page_size,
      kinds: q.job_type ? [q.job_type] : ["import", "export"],
      status: q.status,
    });
    return c.json({ items: page.items, total: page.total, page: page.page, page_size: page.pageSize }, 200);
  });
}
