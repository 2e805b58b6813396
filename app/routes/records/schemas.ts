import { z } from "@hono/zod-openapi";

const uuidExample = "01939a6e-7c1e-7b41-9a31-5f2b8d1c0a20";
const stamp = (example = "2026-01-15T10:00:00.000Z") => z.string().openapi({ format: "date-time", example });

/** `record_id` path parameter. */
export const RecordIdParams = z.object({
  record_id: z.uuid().openapi({ param: { name: "record_id", in: "path" }, example: uuidExample }),
});

export const RecordStatusSchema = z.enum(["active", "archived", "deleted"]).openapi({ description: "`deleted` records are soft-deleted", example: "active" });
/** The statuses a write may set (deleting is its own operation). */
export const WritableRecordStatusSchema = z.enum(["active", "archived"]).openapi({ example: "active" });

export const GeometrySchema = z
  .record(z.string(), z.unknown())
  .openapi("Geometry", {
    description: "A GeoJSON geometry (RFC 7946, WGS 84): Point, MultiPoint, LineString, MultiLineString, Polygon, MultiPolygon or GeometryCollection",
    example: { type: "Point", coordinates: [2.35, 48.85] },
  });

export const FieldValuesSchema = z.record(z.string(), z.unknown()).openapi({
  description: "Values keyed by the recordset's field keys, checked against its field schema (422 lists each bad field)",
  example: { name: "Alpha Corp", revenue: 12000, stage: "won", opened: "2024-01-05", location: { lat: 48.85, lng: 2.35 } },
});

export const TagsSchema = z.array(z.string().max(100)).max(50).openapi({ description: "At most 50 tags of at most 100 characters", example: ["vip", "q1"] });

export const RecordSchema = z
  .object({
    id: z.uuid().openapi({ example: uuidExample }),
    recordset_id: z.uuid().openapi({ example: uuidExample }),
    field_values: FieldValuesSchema,
    title: z.string().nullable().openapi({ description: "From the recordset's title field", example: "Alpha Corp" }),
    status: RecordStatusSchema,
    tags: z.array(z.string()).openapi({ example: ["vip"] }),
    tool_statuses: z.record(z.string(), z.string()).openapi({ description: "The record's status in each tool view", example: { prospecting: "recommended" } }),
    group_id: z.uuid().nullable(),
    version: z.number().int().openapi({ description: "1 at creation, +1 on every change", example: 3 }),
    is_latest: z.boolean().openapi({ description: "False once the record is deleted", example: true }),
    geometry: GeometrySchema.nullable(),
    created_by: z.uuid().nullable().openapi({ description: "The member (user id) who created it" }),
    updated_by: z.uuid().nullable(),
    created_at: stamp(),
    updated_at: stamp(),
    deleted_at: z.string().nullable().openapi({ format: "date-time" }),
  })
  .openapi("Record");

export const RecordListSchema = z
  .object({
    items: z.array(RecordSchema),
    total: z.number().int().openapi({ description: "Exact up to 10,000 matches; past that the database's estimate (see total_is_estimate)", example: 42 }),
    total_is_estimate: z.boolean().openapi({ description: "True when `total` is an estimate (more than 10,000 matches)", example: false }),
    page: z.number().int().openapi({ example: 1 }),
    page_size: z.number().int().openapi({ example: 50 }),
  })
  .openapi("RecordList");

const commaList = (description: string, example: string) =>
  z
    .string()
    .max(4000)
    .optional()
    .transform((v) => (v ? [...new Set(v.split(",").map((s) => s.trim()).filter(Boolean))] : undefined))
    .openapi({ type: "string", description, example });

/** Query parameters every record list accepts (listRecords and crudListRecords). */
export const baseRecordListQuery = {
  recordset_id: z.uuid().optional().openapi({ description: "Only this recordset (403 without can_view on it); without it, every recordset you can view", example: uuidExample }),
  page: z.coerce.number().int().min(1).max(1_000_000).default(1).openapi({ example: 1 }),
  page_size: z.coerce.number().int().min(1).max(200).default(50).openapi({ description: "At most 200", example: 50 }),
  search: z.string().trim().max(200).optional().openapi({ description: "Word-prefix match on the title and the first three text-like fields (the promoted text columns); every word must match", example: "alpha" }),
  status: RecordStatusSchema.optional().openapi({ description: "Only this status; without it, every status but `deleted`" }),
  tags: commaList("Comma-separated; records carrying every one of these tags", "vip,q1"),
};

/** The full listRecords query: projection, typed sort, the three filter families and tool views. */
export const recordListQuery = {
  ...baseRecordListQuery,
  fields: commaList("Comma-separated field keys: `field_values` keeps only these (needs recordset_id)", "name,revenue"),
  sort_by: z
    .string()
    .max(100)
    .optional()
    .openapi({ description: "A field key, or `title`, `created_at`, `updated_at`. Sorts by the field's type: numbers and dates are not compared as text. Default: newest first", example: "revenue" }),
  sort_order: z.enum(["asc", "desc"]).optional().openapi({ example: "desc" }),
  column_filters: z
    .string()
    .max(20_000)
    .optional()
    .openapi({
      description:
        "JSON. Text-like fields (text, select, multi-select, email, url, phone, boolean, relation) and `title`. " +
        'List form `[{"field":"city","op":"in","value":["Paris","Lyon"]}]` or shorthand `{"city":"Paris","stage":["new","won"]}` (a string = eq, a list = in). ' +
        "Operators: eq, neq, in, not_in (1 to 500 strings), contains, not_contains, starts_with, is_empty, is_not_empty. " +
        "Unknown fields or operators, or a field of another type, answer 422 naming them.",
      example: '{"stage":["new","won"]}',
    }),
  numeric_filters: z
    .string()
    .max(20_000)
    .optional()
    .openapi({
      description:
        "JSON. Number and currency fields. " +
        'List form `[{"field":"revenue","op":"between","value":[1000,5000]}]` or shorthand `{"revenue":{"gte":1000,"lt":5000}}` (a bare number = eq). ' +
        "Operators: eq, neq, gt, gte, lt, lte, between ([min, max]), is_empty, is_not_empty. Unknown fields or operators answer 422.",
      example: '{"revenue":{"gte":1000}}',
    }),
  date_filters: z
    .string()
    .max(20_000)
    .optional()
    .openapi({
      description:
        "JSON. Date fields and `created_at`, `updated_at`. " +
        'List form `[{"field":"closed_on","op":"between","value":["2024-01-01","2024-03-31"]}]` or shorthand `{"closed_on":{"after":"2024-01-01"}}`. ' +
        "Operators: on, before, after, between ([from, to] ISO 8601), last_n_days, next_n_days (value = whole days), is_empty, is_not_empty. Unknown fields or operators answer 422.",
      example: '{"created_at":{"last_n_days":30}}',
    }),
  tool: z.string().trim().min(1).max(100).optional().openapi({ description: "Only records shown in this tool's view (a status set for the tool)", example: "prospecting" }),
  exclude_recommendation: z
    .enum(["true", "false"])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === "true"))
    .openapi({ type: "boolean", description: "Leave out records a tool only recommended (tool status `recommended`)" }),
  group_id: z.uuid().optional().openapi({ description: "Only records of this group" }),
};

/** Body of a record creation (createRecord, crudCreateRecord). */
export const CreateRecordSchema = z
  .object({
    recordset_id: z.uuid().openapi({ description: "The target recordset (403 without can_create on it)", example: uuidExample }),
    field_values: FieldValuesSchema.default({}),
    status: WritableRecordStatusSchema.optional(),
    tags: TagsSchema.optional(),
    tool_statuses: z.record(z.string().min(1).max(100), z.string().min(1).max(100)).optional().openapi({ example: { prospecting: "new" } }),
    group_id: z.uuid().nullable().optional(),
  })
  .openapi("CreateRecord");

/** Body of a record update. In a merge (PUT /records, PATCH /crud/records) only present keys change. */
export const UpdateRecordSchema = z
  .object({
    field_values: FieldValuesSchema.optional(),
    status: WritableRecordStatusSchema.optional(),
    tags: TagsSchema.optional(),
    version: z
      .number()
      .int()
      .min(1)
      .optional()
      .openapi({ description: "Optimistic concurrency: the version you read; 409 if the record has changed since", example: 3 }),
  })
  .openapi("UpdateRecord");

/** Who did something, as far as the workspace knows them (null fields once they left). */
export const UserSummarySchema = z
  .object({
    id: z.uuid().nullable().openapi({ example: uuidExample }),
    name: z.string().nullable().openapi({ example: "Ada Lovelace" }),
    email: z.string().nullable().openapi({ example: "ada@example.com" }),
  })
  .openapi("UserSummary");

export const RecordVersionSchema = z
  .object({
    id: z.uuid().openapi({ description: "The history entry id (use it to restore)", example: uuidExample }),
    record_id: z.uuid(),
    version: z.number().int().openapi({ example: 2 }),
    change_type: z.enum(["created", "updated", "restored", "deleted"]),
    restored_from: z.number().int().nullable().openapi({ description: "For `restored`: the version brought back" }),
    field_values: FieldValuesSchema,
    status: RecordStatusSchema,
    tags: z.array(z.string()),
    changed_by: UserSummarySchema.nullable(),
    created_at: stamp(),
  })
  .openapi("RecordVersion");

export const RecordCommentSchema = z
  .object({
    id: z.uuid(),
    record_id: z.uuid(),
    content: z.string().openapi({ example: "Called them, follow up next week." }),
    author: UserSummarySchema.nullable(),
    created_at: stamp(),
    updated_at: stamp(),
  })
  .openapi("RecordComment");

export const RecordRelationshipSchema = z
  .object({
    id: z.uuid(),
    record_id: z.uuid().openapi({ description: "The linking record" }),
    related_record_id: z.uuid().openapi({ description: "The linked record" }),
    relationship_type: z.string().openapi({ example: "parent_of" }),
    direction: z.enum(["outgoing", "incoming"]).openapi({ description: "`outgoing` when the asked record is `record_id`" }),
    related_title: z.string().nullable().openapi({ description: "Title of the record at the other end", example: "Beta Ltd" }),
    related_recordset_id: z.uuid(),
    created_by: z.uuid().nullable(),
    created_at: stamp(),
  })
  .openapi("RecordRelationship");

export const BulkDeleteRecordsSchema = z
  .union([
    z.object({
      record_ids: z.array(z.uuid()).min(1).max(1000).openapi({ description: "1 to 1000 record ids", example: [uuidExample] }),
      all: z.literal(false).optional(),
    }),
    z.object({
      all: z.literal(true).openapi({ description: "Delete every record of `recordset_id` (needs can_delete on it)" }),
      recordset_id: z.uuid().openapi({ example: uuidExample }),
    }),
  ])
  .openapi("BulkDeleteRecords", { description: "Either `record_ids`, or `all: true` with `recordset_id`" });

export const BulkDeleteResultSchema = z
  .object({
    deleted: z.number().int().openapi({ example: 2 }),
    deleted_ids: z.array(z.uuid()),
    skipped: z
      .array(z.object({ id: z.uuid(), reason: z.enum(["not_found", "forbidden"]) }))
      .openapi({ description: "Listed records left alone: `not_found` (no such record you can see) or `forbidden` (you may not delete it)" }),
  })
  .openapi("BulkDeleteResult");
