import type { OpenAPIHono } from "@hono/zod-openapi";
import { toggleModule } from "../../../core/modules/toggle-module.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { ModuleParamsSchema, moduleSettingsJson, ModuleSettingsSchema } from "./schemas.ts";

export const toggleModuleRoute = defineRoute({
  method: "post",
  path: "/api/v1/modules/{module}/toggle",
  operationId: "toggleModule",
  tags: ["Module Settings"],
  summary: "Toggle a module enabled/disabled",
  description: "Flips the module's switch atomically and returns its settings. 404 for an unknown module. Requires `can_edit_module_settings`.",
  auth: "user",
  errors: [404],
  request: { params: ModuleParamsSchema },
  responses: { 200: jsonContent(ModuleSettingsSchema, "The updated settings") },
});

export function registerToggleModule(app: OpenAPIHono<AppEnv>): void {
  app.openapi(toggleModuleRoute, async (c) => {
    const result = await toggleModule(c.get("services"), c.get("actor"), { module: c.req.valid("param").module });
    return c.json(moduleSettingsJson(result), 200);
  });
}
