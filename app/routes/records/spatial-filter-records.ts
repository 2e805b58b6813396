import type { OpenAPIHono } from "@hono/zod-openapi";
import { spatialFilterRecords } from "../../../core/records/spatial-filter-records.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { SpatialFilterBody, SpatialFilterResultSchema } from "./map-schemas.ts";

export const spatialFilterRecordsRoute = defineRoute({
  method: "post",
  path: "/api/v1/records/spatial-filter",
  operationId: "spatialFilterRecords",
  tags: ["Records"],
  summary: "Filter a recordset's records by spatial relation to another recordset",
  description: [
    "The (optionally filtered) source recordset's geometries act as the filter; the answer is the ids of the target records that",
    "intersect them, lie within them, lie within `buffer_meters` of them (`within_distance`, metres on the ellipsoid; 422 without it),",
    "or touch none of them (`exclude`). Points, lines and polygons on either side. Needs can_view on both recordsets;",
    "a recordset without geometry is a 422. Answered by PostGIS with the GiST index.",
  ].join(" "),
  auth: "user",
  request: { body: { content: { "application/json": { schema: SpatialFilterBody } }, required: true } },
  responses: { 200: jsonContent(SpatialFilterResultSchema, "The matching target record ids") },
});

export function registerSpatialFilterRecords(app: OpenAPIHono<AppEnv>): void {
  app.openapi(spatialFilterRecordsRoute, async (c) => {
    const body = c.req.valid("json");
    const result = await spatialFilterRecords(c.get("services"), c.get("actor"), {
      sourceRecordsetId: body.source_recordset_id,
      targetRecordsetId: body.target_recordset_id,
      operation: body.operation,
      bufferMeters: body.buffer_meters,
      sourceFilters: body.source_filters,
      limit: body.limit,
    });
    return c.json({ record_ids: result.recordIds, count: result.count, truncated: result.truncated, operation: result.operation }, 200);
  });
}
