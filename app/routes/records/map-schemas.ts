import { z } from "@hono/zod-openapi";
import { MAP_LIMIT_MAX } from "../../../core/records/stream-map-records.ts";
import { BUFFER_METERS_MAX, SPATIAL_LIMIT_DEFAULT, SPATIAL_LIMIT_MAX } from "../../../core/records/spatial-filter-records.ts";
import { recordListQuery } from "./schemas.ts";

const uuidExample = "01939a6e-7c1e-7b41-9a31-5f2b8d1c0a20";

/** Query of GET /records/map; bbox, geometry types and filters are checked by the use-case (422). */
export const MapStreamQuery = z.object({
  recordset_id: z.uuid().openapi({ description: "The recordset to draw (403 without can_view on it)", example: uuidExample }),
  bbox: z
    .string()
    .max(200)
    .optional()
    .openapi({ description: "`minLng,minLat,maxLng,maxLat` (WGS 84): only features intersecting the box (GiST index). 422 when a minimum exceeds its maximum or a coordinate is out of range", example: "2.2,48.8,2.5,48.95" }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAP_LIMIT_MAX)
    .optional()
    .openapi({ description: `At most this many features (1 to ${MAP_LIMIT_MAX}); without it the stream is uncapped. The final line says whether the limit cut the result`, example: 50_000 }),
  fields: recordListQuery.fields.openapi({ type: "string", description: "Comma-separated field keys copied into each feature's `fields` (422 for an unknown key)", example: "name,price" }),
  geometry_types: z
    .string()
    .max(200)
    .optional()
    .transform((v) => (v ? v.split(",").map((s) => s.trim()).filter(Boolean) : undefined))
    .openapi({ type: "string", description: "Comma-separated GeoJSON types: Point, MultiPoint, LineString, MultiLineString, Polygon, MultiPolygon, GeometryCollection (422 on another)", example: "Polygon,MultiPolygon" }),
  column_filters: recordListQuery.column_filters,
  numeric_filters: recordListQuery.numeric_filters,
});

export const MapFeatureSchema = z
  .object({
    id: z.uuid().openapi({ example: uuidExample }),
    title: z.string().nullable().openapi({ example: "Alpha Corp" }),
    geometry: z.record(z.string(), z.unknown()).openapi({ description: "GeoJSON geometry (7 decimals)", example: { type: "Point", coordinates: [2.35, 48.85] } }),
    geometry_type: z.string().openapi({ example: "Point" }),
    fields: z.record(z.string(), z.unknown()).openapi({ description: "The requested `fields`", example: { price: 12 } }),
    lat: z.number().optional().openapi({ description: "Points only", example: 48.85 }),
    lng: z.number().optional().openapi({ description: "Points only", example: 2.35 }),
  })
  .openapi("MapFeature");

/** A source filter in a JSON body: the list/object forms of the filter grammar, or their JSON text. */
const filterValue = (param: string, example: unknown) =>
  z
    .union([z.string().max(20_000), z.array(z.record(z.string(), z.unknown())).max(100), z.record(z.string(), z.unknown())])
    .optional()
    .openapi({ description: `The grammar of listRecords' \`${param}\` (list or object form, or its JSON text), on the SOURCE recordset's fields`, example });

export const SpatialFilterBody = z
  .object({
    source_recordset_id: z.uuid().openapi({ description: "Its geometries are the filter (can_view needed)", example: uuidExample }),
    target_recordset_id: z.uuid().openapi({ description: "Its records are returned (can_view needed)", example: uuidExample }),
    operation: z.enum(["intersects", "within", "within_distance", "exclude"]).openapi({
      description:
        "`intersects`: targets touching a source geometry; `within`: targets inside one; `within_distance`: targets within `buffer_meters` of one; `exclude`: targets touching none (within `buffer_meters` when given)",
      example: "within_distance",
    }),
    buffer_meters: z
      .number()
      .min(0)
      .max(BUFFER_METERS_MAX)
      .optional()
      .openapi({ description: `Metres on the ellipsoid (0 to ${BUFFER_METERS_MAX}). Required (> 0) for within_distance; for the others it grows the source geometries first`, example: 500 }),
    source_filters: z
      .object({
        column_filters: filterValue("column_filters", { stage: ["won"] }),
        numeric_filters: filterValue("numeric_filters", { income: { gt: 40000 } }),
        date_filters: filterValue("date_filters", { created_at: { last_n_days: 30 } }),
      })
      .strict()
      .optional()
      .openapi({ description: "Only source records matching these (e.g. income > X); fields are checked against the source schema (422 names unknown ones)" }),
    limit: z
      .number()
      .int()
      .min(1)
      .max(SPATIAL_LIMIT_MAX)
      .default(SPATIAL_LIMIT_DEFAULT)
      .openapi({ description: `At most this many ids (default ${SPATIAL_LIMIT_DEFAULT}, max ${SPATIAL_LIMIT_MAX}); \`truncated\` says whether it cut the result`, example: 10_000 }),
  })
  .openapi("SpatialFilterRequest");

export const SpatialFilterResultSchema = z
  .object({
    record_ids: z.array(z.uuid()).openapi({ description: "Matching target records, in id order" }),
    count: z.number().int().openapi({ description: "Length of record_ids", example: 42 }),
    truncated: z.boolean().openapi({ description: "True when more records matched than `limit`", example: false }),
    operation: z.enum(["intersects", "within", "within_distance", "exclude"]),
  })
  .openapi("SpatialFilterResult");
