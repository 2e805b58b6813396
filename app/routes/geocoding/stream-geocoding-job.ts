import type { OpenAPIHono } from "@hono/zod-openapi";
import { watchGeocodingJob } from "../../../core/geocoding/watch-geocoding-job.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute } from "../../http/define-route.ts";
import { sseResponse } from "../../http/sse.ts";
import { JobIdParams } from "../imports/schemas.ts";
import { GeocodingJobSchema } from "./schemas.ts";

export const streamGeocodingJobRoute = defineRoute({
  method: "get",
  path: "/api/v1/recordsets/geocode/jobs/{job_id}/stream",
  operationId: "streamGeocodingJob",
  tags: ["Recordset Import"],
  summary: "Stream geocoding job progress (SSE)",
  description:
    "Server-sent events, data: `GeocodingJob`. The current state comes first, then a `progress` event per batch, and a final `completed`, `failed` or `cancelled` event, after which the stream closes. " +
    "No X-Workspace-Id header: the caller must be a member of the job's workspace (404 otherwise, as for an unknown job).",
  auth: "user-global",
  errors: [404],
  request: { params: JobIdParams },
  responses: { 200: { description: "The event stream", content: { "text/event-stream": { schema: GeocodingJobSchema } } } },
});

export function registerStreamGeocodingJob(app: OpenAPIHono<AppEnv>): void {
  app.openapi(streamGeocodingJobRoute, async (c) => {
    const produce = await watchGeocodingJob(c.get("services"), c.get("actor"), c.req.valid("param").job_id);
    return sseResponse(async function* (signal) {
      for await (const update of produce(signal)) yield { event: update.event, data: update.data };
    });
  });
}
