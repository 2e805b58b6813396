import type { OpenAPIHono } from "@hono/zod-openapi";
import { streamMapRecords } from "../../../core/records/stream-map-records.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute } from "../../http/define-route.ts";
import { ndjsonLinesResponse } from "../../http/ndjson.ts";
import { MapFeatureSchema, MapStreamQuery } from "./map-schemas.ts";

export const streamMapRecordsRoute = defineRoute({
  method: "get",
  path: "/api/v1/records/map",
  operationId: "streamMapRecords",
  tags: ["Records"],
  summary: "Stream a recordset's records with geometry for map display (NDJSON)",
  description: [
    "NDJSON (`application/x-ndjson`), one feature per line: `id`, `geometry` (GeoJSON), `geometry_type`, `title`, the requested `fields`, and `lat`/`lng` for points.",
    'The last line is `{"__meta__": {"count": N, "truncated": bool}}`.',
    "Streamed from a database cursor that advances only as fast as the client reads, so any number of features uses constant memory.",
    "Input errors (403, 404, 422) come as problem+json before the stream starts. A failure after the stream started ends it with a line",
    '`{"__error__": <problem document>}` instead of `__meta__`: a stream without a `__meta__` line is incomplete.',
  ].join(" "),
  auth: "user",
  request: { query: MapStreamQuery },
  responses: {
    200: {
      description: "Feature lines, then the `__meta__` line",
      content: { "application/x-ndjson": { schema: MapFeatureSchema } },
    },
  },
});

export function registerStreamMapRecords(app: OpenAPIHono<AppEnv>): void {
  app.openapi(streamMapRecordsRoute, async (c) => {
    const q = c.req.valid("query");
    const logger = c.get("logger");
    const lines = await streamMapRecords(c.get("services"), c.get("actor"), {
      recordsetId: q.recordset_id,
      bbox: q.bbox,
      limit: q.limit,
      fields: q.fields,
      geometryTypes: q.geometry_types,
      columnFilters: q.column_filters,
      numericFilters: q.numeric_filters,
    });
    const response = ndjsonLinesResponse(() => lines, { onError: (error) => logger.error("map stream failed", { error }) });
    // @hono/zod-openapi types any `application/...json...` media type as a c.json() body, so a
    // raw Response for `application/x-ndjson` needs this cast; the runtime takes any Response.
    return response as never;
  });
}
