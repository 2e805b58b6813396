import { z } from "@hono/zod-openapi";
import { fieldTypes, type FieldInput } from "../../../core/recordsets/field-schema.ts";
import type { GisSource, PromotedMapping } from "../../../core/recordsets/promoted-columns.ts";
import { PROMOTED_SLOTS } from "../../../core/recordsets/promoted-columns.ts";
import type { RecordsetRecord } from "../../../core/recordsets/recordset-repository.ts";
import { toRecordsetJson } from "../../../core/recordsets/recordset-view.ts";
import { PageQuerySchema, pagedSchema } from "../workspaces/schemas.ts";

const uuidExample = "01939a6e-7c1e-7b41-9a31-5f2b8d1c0a20";
const dateTime = (example = "2026-01-15T10:00:00.000Z") => z.string().openapi({ format: "date-time", example });

/** `recordset_slug` path parameter. */
export const RecordsetSlugParams = z.object({
  recordset_slug: z
    .string()
    .min(1)
    .max(120)
    .openapi({ param: { name: "recordset_slug", in: "path" }, description: "The recordset's slug (never changes)", example: "properties" }),
});

/** `recordset_id` path parameter. */
export const RecordsetIdParams = z.object({
  recordset_id: z.uuid().openapi({ param: { name: "recordset_id", in: "path" }, example: uuidExample }),
});

// -- fields ---------------------------------------------------------------------------------

const SelectOptionSchema = z
  .object({
    value: z.string().min(1).max(200).openapi({ example: "won" }),
    label: z.string().max(200).optional().openapi({ example: "Won" }),
    color: z.string().max(40).optional().openapi({ example: "#22c55e" }),
  })
  .openapi("SelectOption");

const FieldTypeSchema = z.enum(fieldTypes).openapi({ description: "How values of the field are validated, filtered and sorted", example: "number" });

/** A field as the API shows it. */
export const RecordsetFieldSchema = z
  .object({
    key: z.string().openapi({ description: "Key of the value in a record's `field_values`", example: "asking_price" }),
    name: z.string().openapi({ example: "Asking price" }),
    type: FieldTypeSchema,
    required: z.boolean(),
    options: z.array(SelectOptionSchema).optional().openapi({ description: "Choices of a select or multi_select field" }),
    currency: z.string().optional().openapi({ description: "ISO 4217 code of a currency field", example: "USD" }),
    relation_recordset_id: z.uuid().optional().openapi({ description: "Target recordset of a relation field" }),
    is_primary: z.boolean().openapi({ description: "Its value is the record's title" }),
  })
  .openapi("RecordsetField");

/** A field as a client sends it; `key` is derived from the name when left out. */
export const RecordsetFieldInputSchema = z
  .object({
    key: z.string().max(63).optional().openapi({ description: "Lower snake case; derived from the name when left out", example: "asking_price" }),
    name: z.string().max(200).openapi({ example: "Asking price" }),
    type: FieldTypeSchema,
    required: z.boolean().optional(),
    options: z.array(SelectOptionSchema).max(500).optional(),
    currency: z.string().optional().openapi({ example: "USD" }),
    relation_recordset_id: z.uuid().optional(),
    is_primary: z.boolean().optional(),
  })
  .openapi("RecordsetFieldInput");

export function toFieldInput(f: z.infer<typeof RecordsetFieldInputSchema>): FieldInput {
  return {
    ...(f.key !== undefined ? { key: f.key } : {}),
    name: f.name,
    type: f.type,
    ...(f.required !== undefined ? { required: f.required } : {}),
    ...(f.options !== undefined ? { options: f.options.map((o) => ({ value: o.value, ...(o.label !== undefined ? { label: o.label } : {}), ...(o.color !== undefined ? { color: o.color } : {}) })) } : {}),
    ...(f.currency !== undefined ? { currency: f.currency } : {}),
    ...(f.relation_recordset_id !== undefined ? { relationRecordsetId: f.relation_recordset_id } : {}),
    ...(f.is_primary !== undefined ? { isPrimary: f.is_primary } : {}),
  };
}

// -- GIS source and promoted columns -------------------------------------------------------

export const GisSourceSchema = z
  .discriminatedUnion("kind", [
    z.object({ kind: z.enum(["geometry", "lat_lng"]), field: z.string().min(1).openapi({ example: "location" }) }),
    z.object({ kind: z.literal("lat_lng_fields"), lat_field: z.string().min(1).openapi({ example: "lat" }), lng_field: z.string().min(1).openapi({ example: "lng" }) }),
  ])
  .openapi("RecordsetGisSource", {
    description:
      "Where a record's geometry (`promoted_gis_1`) comes from: a `geometry` or `lat_lng` field, or two number fields (`lat_lng_fields`).",
  });

export function toGisSource(g: z.infer<typeof GisSourceSchema>): GisSource {
  return g.kind === "lat_lng_fields" ? { kind: g.kind, latField: g.lat_field, lngField: g.lng_field } : { kind: g.kind, field: g.field };
}

export const PromotedFieldsSchema = z
  .object({
    text: z.array(z.string()).max(PROMOTED_SLOTS.text).openapi({ example: ["name", "city"] }),
    number: z.array(z.string()).max(PROMOTED_SLOTS.number).openapi({ example: ["asking_price"] }),
    date: z.array(z.string()).max(PROMOTED_SLOTS.date).openapi({ example: ["listed_on"] }),
  })
  .openapi("RecordsetPromotedFields", {
    description: `Fields mirrored into indexed columns (at most ${PROMOTED_SLOTS.text} text, ${PROMOTED_SLOTS.number} number, ${PROMOTED_SLOTS.date} date): filters and sorts on them use B-tree indexes.`,
  });

export function toPromotedMapping(p: z.infer<typeof PromotedFieldsSchema>): PromotedMapping {
  return { text: p.text, number: p.number, date: p.date };
}

// -- the recordset ---------------------------------------------------------------------------

export const RecordsetModeSchema = z.enum(["table", "map"]).openapi({ description: "How clients show it first", example: "table" });

export const RecordsetSchema = z
  .object({
    id: z.uuid().openapi({ example: uuidExample }),
    slug: z.string().openapi({ description: "Generated from the name at creation; never changes", example: "properties" }),
    name: z.string().openapi({ example: "Properties" }),
    description: z.string().nullable().openapi({ example: "Every property we track" }),
    type: z.string().openapi({ description: "`custom`, `contacts`, `properties`, or an integration's name", example: "custom" }),
    icon: z.string().nullable().openapi({ example: "building" }),
    color: z.string().nullable().openapi({ example: "#3b82f6" }),
    fields: z.array(RecordsetFieldSchema),
    settings: z.record(z.string(), z.unknown()).openapi({ description: "Free-form client settings" }),
    mode: RecordsetModeSchema,
    promoted_fields: PromotedFieldsSchema,
    gis_source: z
      .object({ kind: z.string(), field: z.string().optional(), lat_field: z.string().optional(), lng_field: z.string().optional() })
      .nullable()
      .openapi({ description: "Where records' geometry comes from; null when the recordset has none" }),
    record_count: z.number().int().openapi({ description: "Records not deleted", example: 42 }),
    is_active: z.boolean().openapi({ description: "False while in the trash", example: true }),
    created_by: z.uuid().nullable(),
    created_at: dateTime(),
    updated_at: dateTime(),
    deleted_at: dateTime().nullable().openapi({ description: "When it was moved to the trash" }),
  })
  .openapi("Recordset");

export const RecordsetListSchema = pagedSchema(RecordsetSchema, "RecordsetList");

/** `page`, `page_size`, `search`, `type`, `is_active` of the recordset lists. */
export const RecordsetListQuery = PageQuerySchema.extend({
  search: z.string().trim().max(200).optional().openapi({ description: "Matches the name, slug or description, case-insensitive", example: "prop" }),
  type: z.string().trim().max(100).optional().openapi({ description: "Only recordsets of this type", example: "custom" }),
  is_active: z.enum(["true", "false"]).optional().openapi({ description: "Only active (`true`) or inactive (`false`) recordsets" }),
});

export function toListInput(q: z.infer<typeof RecordsetListQuery>) {
  return {
    page: q.page,
    pageSize: q.page_size,
    search: q.search || undefined,
    type: q.type || undefined,
    isActive: q.is_active === undefined ? undefined : q.is_active === "true",
  };
}

/** The writable properties of a recordset, each optional (a PATCH; PUT and POST tighten them). */
export const recordsetWriteFields = {
  name: z.string().trim().min(1).max(200).openapi({ example: "Properties" }),
  description: z.string().trim().max(5000).nullable().optional().openapi({ example: "Every property we track" }),
  type: z.string().trim().min(1).max(100).optional().openapi({ example: "custom" }),
  icon: z.string().trim().max(100).nullable().optional().openapi({ example: "building" }),
  color: z.string().trim().max(40).nullable().optional().openapi({ example: "#3b82f6" }),
  fields: z.array(RecordsetFieldInputSchema).max(500).optional().openapi({ description: "The typed field schema" }),
  settings: z.record(z.string(), z.unknown()).optional().openapi({ description: "Free-form client settings" }),
  mode: RecordsetModeSchema.optional(),
  gis_source: GisSourceSchema.nullable().optional(),
};

export const CreateRecordsetBody = z
  .object({
    ...recordsetWriteFields,
    slug: z.string().trim().min(1).max(120).optional().openapi({ description: "Lower kebab case; generated from the name when left out; made unique (`-2`, `-3`...)", example: "properties" }),
  })
  .openapi("CreateRecordset");

/** A create body as the use-case wants it. */
export function toCreateInput(body: z.infer<typeof CreateRecordsetBody>) {
  return {
    name: body.name,
    slug: body.slug,
    description: body.description,
    type: body.type,
    icon: body.icon,
    color: body.color,
    fields: body.fields?.map(toFieldInput),
    settings: body.settings,
    mode: body.mode,
    gis: body.gis_source === undefined ? undefined : body.gis_source && toGisSource(body.gis_source),
  };
}

export const UpdateRecordsetBody = z
  .object({
    ...recordsetWriteFields,
    name: recordsetWriteFields.name.optional(),
    promoted_fields: PromotedFieldsSchema.optional(),
    is_active: z.boolean().optional().openapi({ description: "Deactivate without trashing" }),
  })
  .openapi("UpdateRecordset");

/** An update body as the use-case wants it (only the properties present). */
export function toPatchInput(body: z.infer<typeof UpdateRecordsetBody>) {
  return {
    name: body.name,
    description: body.description,
    type: body.type,
    icon: body.icon,
    color: body.color,
    fields: body.fields?.map(toFieldInput),
    settings: body.settings,
    mode: body.mode,
    gis: body.gis_source === undefined ? undefined : body.gis_source && toGisSource(body.gis_source),
    promoted: body.promoted_fields && toPromotedMapping(body.promoted_fields),
    isActive: body.is_active,
  };
}

/** A page of recordsets as the `{items, total, page, page_size}` envelope. */
export function toRecordsetPageJson(page: { items: RecordsetRecord[]; total: number; page: number; pageSize: number }) {
  return { items: page.items.map(toRecordsetJson), total: page.total, page: page.page, page_size: page.pageSize };
}

/** How a schema change plays out, for the descriptions of the update operations. */
export const updateSemantics =
  "The slug never changes. A new `fields` schema is checked like at creation; the GIS source stays while it still fits (else falls back to the first geometry or lat/lng field) unless `gis_source` is given, and promoted columns keep their fields where they still exist unless `promoted_fields` is given. When the promoted mapping, the GIS source or the title field changes, every record's promoted columns, geometry and title are recomputed in the same transaction. Removing a field that records use is allowed: the values stay in the records' `field_values` and history (re-adding a field with the same key shows them again) but are no longer validated, filtered or sorted on.";
