import type { OpenAPIHono } from "@hono/zod-openapi";
import { listImportJobs } from "../../../core/imports/list-import-jobs.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { GeocodingJobListQuery, GeocodingJobListSchema } from "./schemas.ts";

export const listGeocodingJobsRoute = defineRoute({
  method: "get",
  path: "/api/v1/recordsets/geocode/jobs",
  operationId: "listGeocodingJobs",
  tags: ["Recordset Import"],
  summary: "List geocoding jobs in the workspace",
  description: "The workspace's geocoding jobs, newest first, paged; filter by `status`.",
  auth: "user",
  request: { query: GeocodingJobListQuery },
  responses: { 200: jsonContent(GeocodingJobListSchema, "A page of geocoding jobs") },
});

export function registerListGeocodingJobs(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listGeocodingJobsRoute, async (c) => {
    const q = c.req.valid("query");
    const page = await listImportJobs(c.get("services"), c.get("actor"), { page: q.page, pageSize: q.page_size, kinds: ["geocode"], status: q.status });
    return c.json({ items: page.items, total: page.total, page: page.page, page_size: page.pageSize }, 200);
  });
}
