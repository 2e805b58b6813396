import { z } from "@hono/zod-openapi";
import type { ModuleSettings } from "../../../core/modules/module-settings.ts";

/** Shared schemas of the Module Settings section. */

export const ModuleParamsSchema = z.object({
  module: z.string().min(1).max(50).openapi({ param: { name: "module", in: "path" }, example: "maps", description: "A known module name; others answer 404" }),
});

export const ModuleSettingsObjectSchema = z
  .record(z.string(), z.unknown())
  .openapi({ description: "The module's settings; validated per module (unknown keys are refused where the module defines its settings)", example: { default_basemap: "satellite", default_zoom: 6 } });

export const ModuleSettingsSchema = z
  .object({
    module: z.string().openapi({ example: "maps" }),
    label: z.string().openapi({ example: "Maps" }),
    description: z.string(),
    enabled: z.boolean(),
    settings: ModuleSettingsObjectSchema,
    configured: z.boolean().openapi({ description: "False while the module runs on its defaults" }),
    updated_by: z.uuid().nullable(),
    created_at: z.iso.datetime().nullable(),
    updated_at: z.iso.datetime().nullable(),
  })
  .openapi("ModuleSettings");

/** A module's settings as JSON. */
export function moduleSettingsJson(value: ModuleSettings): z.infer<typeof ModuleSettingsSchema> {
  return {
    module: value.module,
    label: value.label,
    description: value.description,
    enabled: value.enabled,
    settings: value.settings,
    configured: value.configured,
    updated_by: value.updatedBy,
    created_at: value.createdAt?.toISOString() ?? null,
    updated_at: value.updatedAt?.toISOString() ?? null,
  };
}
