import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { listModuleSettings } from "../../../core/modules/list-module-settings.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { moduleSettingsJson, ModuleSettingsSchema } from "./schemas.ts";

const ModuleSettingsListSchema = z
  .object({ items: z.array(ModuleSettingsSchema), total: z.number().int().openapi({ example: 16 }) })
  .openapi("ModuleSettingsList");

export const listModuleSettingsRoute = defineRoute({
  method: "get",
  path: "/api/v1/modules",
  operationId: "listModuleSettings",
  tags: ["Module Settings"],
  summary: "List module settings",
  description: "Every known module with its switch and settings (defaults where never configured). Requires `can_view_module_settings` (every role by default).",
  auth: "user",
  responses: { 200: jsonContent(ModuleSettingsListSchema, "All modules") },
});

export function registerListModuleSettings(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listModuleSettingsRoute, async (c) => {
    const result = await listModuleSettings(c.get("services"), c.get("actor"));
    return c.json({ items: result.items.map(moduleSettingsJson), total: result.total }, 200);
  });
}
