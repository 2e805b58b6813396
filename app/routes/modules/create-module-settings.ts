import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { createModuleSettings } from "../../../core/modules/create-module-settings.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { ModuleSettingsObjectSchema, moduleSettingsJson, ModuleSettingsSchema } from "./schemas.ts";

const CreateModuleSettingsSchema = z
  .object({
    module: z.string().min(1).max(50).openapi({ example: "maps" }),
    enabled: z.boolean().optional().openapi({ description: "Default: the module's default" }),
    settings: ModuleSettingsObjectSchema.optional(),
  })
  .openapi("CreateModuleSettings");

export const createModuleSettingsRoute = defineRoute({
  method: "post",
  path: "/api/v1/modules",
  operationId: "createModuleSettings",
  tags: ["Module Settings"],
  summary: "Create settings for a module",
  description:
    "Stores a module's first configuration. 409 when it is already configured (update it instead); 422 for an unknown module or invalid settings. Requires `can_edit_module_settings` (admins and owners).",
  auth: "user",
  errors: [409],
  request: { body: { content: { "application/json": { schema: CreateModuleSettingsSchema } }, required: true } },
  responses: { 201: jsonContent(ModuleSettingsSchema, "The stored settings") },
});

export function registerCreateModuleSettings(app: OpenAPIHono<AppEnv>): void {
  app.openapi(createModuleSettingsRoute, async (c) => {
    const body = c.req.valid("json");
    const result = await createModuleSettings(c.get("services"), c.get("actor"), {
      module: body.module,
      ...(body.enabled === undefined ? {} : { enabled: body.enabled }),
      ...(body.settings === undefined ? {} : { settings: body.settings }),
    });
    return c.json(moduleSettingsJson(result), 201);
  });
}
