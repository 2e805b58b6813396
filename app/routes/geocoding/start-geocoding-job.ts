import type { OpenAPIHono } from "@hono/zod-openapi";
import { startGeocodingJob } from "../../../core/geocoding/start-geocoding-job.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { jsonBody } from "../workspaces/schemas.ts";
import { GeocodingStartedSchema, StartGeocodingBody } from "./schemas.ts";

export const startGeocodingJobRoute = defineRoute({
  method: "post",
  path: "/api/v1/recordsets/geocode",
  operationId: "startGeocodingJob",
  tags: ["Recordset Import"],
  summary: "Start an async geocoding job for a recordset",
  description:
    "Returns `job_id` at once; the job finds the records without coordinates (all of them with `overwrite`) that have some address text, " +
    "builds each address from `address_fields`, geocodes it through the configured geocoder (Google Geocoding, or the offline city gazetteer) at the provider's rate limit, " +
    "and writes lat/lng into the values and the PostGIS geometry, as a new version of each record. " +
    "Coordinates go to the recordset's map location: a lat/lng field or two number fields. With `lat_field`/`lng_field` (number fields) they become it when the recordset has none; " +
    "without them and with no map location, a lat/lng field `location` is added to the schema. A recordset whose geometry comes from a geometry field answers 422. " +
    "Progress: GET /geocode/jobs/{job_id} or its SSE stream. Requires `can_edit` on the recordset.",
  auth: "user",
  request: jsonBody(StartGeocodingBody),
  responses: { 200: jsonContent(GeocodingStartedSchema, "The queued job") },
});

export function registerStartGeocodingJob(app: OpenAPIHono<AppEnv>): void {
  app.openapi(startGeocodingJobRoute, async (c) => {
    const body = c.req.valid("json");
    const { job, recordset, target } = await startGeocodingJob(c.get("services"), c.get("actor"), {
      recordsetId: body.recordset_id,
      addressFields: body.address_fields,
      latField: body.lat_field,
      lngField: body.lng_field,
      overwrite: body.overwrite,
    });
    return c.json(
      {
        job_id: job.id,
        recordset_id: recordset.id,
        status: "pending" as const,
        target: target.kind === "lat_lng" ? { kind: target.kind, field: target.field } : { kind: target.kind, lat_field: target.latField, lng_field: target.lngField },
        status_url: `/api/v1/recordsets/geocode/jobs/${job.id}`,
        stream_url: `/api/v1/recordsets/geocode/jobs/${job.id}/stream`,
      },
      200,
    );
  });
}
