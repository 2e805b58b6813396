import type { OpenAPIHono } from "@hono/zod-openapi";
import { getImportJob } from "../../../core/imports/get-import-job.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { JobIdParams } from "../imports/schemas.ts";
import { GeocodingJobSchema } from "./schemas.ts";

export const getGeocodingJobRoute = defineRoute({
  method: "get",
  path: "/api/v1/recordsets/geocode/jobs/{job_id}",
  operationId: "getGeocodingJob",
  tags: ["Recordset Import"],
  summary: "Get a geocoding job's status",
  description: "Status and progress (records processed, geocoded, not found; live while running), the summary once completed. 404 for a job outside the workspace or not a geocoding job.",
  auth: "user",
  request: { params: JobIdParams },
  responses: { 200: jsonContent(GeocodingJobSchema, "The job") },
});

export function registerGetGeocodingJob(app: OpenAPIHono<AppEnv>): void {
  app.openapi(getGeocodingJobRoute, async (c) => {
    const job = await getImportJob(c.get("services"), c.get("actor"), { jobId: c.req.valid("param").job_id, kinds: ["geocode"] });
    return c.json(job, 200);
  });
}
