import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { updateModuleSettings } from "../../../core/modules/update-module-settings.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { ModuleParamsSchema, ModuleSettingsObjectSchema, moduleSettingsJson, ModuleSettingsSchema } from "./schemas.ts";

const UpdateModuleSettingsSchema = z
  .object({
    settings: ModuleSettingsObjectSchema.optional().openapi({ description: "Replaces the module's settings when given" }),
    enabled: z.boolean().optional(),
  })
  .strict()
  .openapi("UpdateModuleSettings");

export const updateModuleSettingsRoute = defineRoute({
  method: "put",
  path: "/api/v1/modules/{module}",
  operationId: "updateModuleSettings",
  tags: ["Module Settings"],
  summary: "Update settings for a module",
  description:
    "Replaces the module's settings (when given) and switch (when given); a module never configured starts from its defaults. 404 for an unknown module, 422 for invalid settings. Requires `can_edit_module_settings`.",
  auth: "user",
  errors: [404],
  request: {
    params: ModuleParamsSchema,
    body: { content: { "application/json": { schema: UpdateModuleSettingsSchema } }, required: true },
  },
  responses: { 200: jsonContent(ModuleSettingsSchema, "The updated settings") },
});

export function registerUpdateModuleSettings(app: OpenAPIHono<AppEnv>): void {
  app.openapi(updateModuleSettingsRoute, async (c) => {
    const body = c.req.valid("json");
    const result = await updateModuleSettings(c.get("services"), c.get("actor"), {
      module: c.req.valid("param").module,
      ...(body.enabled === undefined ? {} : { enabled: body.enabled }),
      ...(body.settings === undefined ? {} : { settings: body.settings }),
    });
    return c.json(moduleSettingsJson(result), 200);
  });
}
