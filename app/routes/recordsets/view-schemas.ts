import { z } from "@hono/zod-openapi";
import { viewTypes, type ViewConfig } from "../../../core/recordsets/recordset-view-config.ts";
import { RecordsetSlugParams } from "./schemas.ts";

const uuidExample = "01939a6e-7c1e-7b41-9a31-5f2b8d1c0a20";

const FilterValueSchema = z
  .union([z.array(z.object({ field: z.string().min(1), op: z.string().min(1), value: z.unknown().optional() })).max(100), z.record(z.string(), z.unknown())])
  .openapi({ description: "The record list's filter grammar, as JSON rather than a JSON string (see listRecords)" });

export const ViewTypeSchema = z.enum(viewTypes).openapi({ description: "How the view presents records", example: "table" });

export const ViewConfigSchema = z
  .strictObject({
    filters: z
      .strictObject({ column_filters: FilterValueSchema.optional(), numeric_filters: FilterValueSchema.optional(), date_filters: FilterValueSchema.optional() })
      .optional()
      .openapi({ example: { numeric_filters: { price: { gte: 100000 } }, column_filters: { stage: ["new", "won"] } } }),
    sort: z
      .strictObject({ field: z.string().min(1).openapi({ example: "price" }), order: z.enum(["asc", "desc"]).default("asc") })
      .nullable()
      .optional()
      .openapi({ description: "A field key, or title, created_at, updated_at" }),
    visible_columns: z.array(z.string().min(1)).max(500).optional().openapi({ description: "Field keys (or title, created_at, updated_at) shown, in order", example: ["name", "price"] }),
    group_by: z.string().min(1).nullable().optional().openapi({ description: "A field key; a kanban view needs a select field", example: "stage" }),
    search: z.string().max(200).optional(),
    options: z.record(z.string(), z.unknown()).optional().openapi({ description: "Settings of the view type (map centre and zoom, card fields...), stored as given" }),
  })
  .openapi("RecordsetViewConfig", { description: "Every field name is checked against the recordset's schema (422 naming unknown ones)." });

export const RecordsetViewSchema = z
  .object({
    id: z.uuid().openapi({ example: uuidExample }),
    recordset_id: z.uuid().openapi({ example: uuidExample }),
    name: z.string().openapi({ example: "Open deals" }),
    type: z.string().openapi({ example: "table" }),
    config: z.record(z.string(), z.unknown()).openapi({ description: "A RecordsetViewConfig" }),
    is_default: z.boolean().openapi({ description: "The view clients open first; at most one per recordset" }),
    created_by: z.uuid().nullable(),
    created_at: z.string().openapi({ format: "date-time", example: "2026-01-15T10:00:00.000Z" }),
    updated_at: z.string().openapi({ format: "date-time", example: "2026-01-15T10:00:00.000Z" }),
  })
  .openapi("RecordsetView");

export const RecordsetViewListSchema = z.object({ items: z.array(RecordsetViewSchema), total: z.number().int().openapi({ example: 2 }) }).openapi("RecordsetViewList");

const viewName = z.string().trim().min(1).max(200).openapi({ example: "Open deals" });

export const CreateRecordsetViewBody = z
  .object({ name: viewName, type: ViewTypeSchema.default("table"), config: ViewConfigSchema.default({}), is_default: z.boolean().default(false) })
  .openapi("CreateRecordsetView");

export const UpdateRecordsetViewBody = z
  .object({ name: viewName.optional(), type: ViewTypeSchema.optional(), config: ViewConfigSchema.optional().openapi({ description: "Replaces the whole config" }), is_default: z.boolean().optional() })
  .openapi("UpdateRecordsetView");

/** The config as core types it (zod's output, with optional keys left out). */
export function toViewConfig(config: z.infer<typeof ViewConfigSchema>): ViewConfig {
  return Object.fromEntries(Object.entries(config).filter(([, v]) => v !== undefined)) as ViewConfig;
}

export const RecordsetViewParams = RecordsetSlugParams.extend({
  view_id: z.uuid().openapi({ param: { name: "view_id", in: "path" }, example: uuidExample }),
});
