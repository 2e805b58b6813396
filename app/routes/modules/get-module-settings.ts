import type { OpenAPIHono } from "@hono/zod-openapi";
import { getModuleSettings } from "../../../core/modules/get-module-settings.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { ModuleParamsSchema, moduleSettingsJson, ModuleSettingsSchema } from "./schemas.ts";

export const getModuleSettingsRoute = defineRoute({
  method: "get",
  path: "/api/v1/modules/{module}",
  operationId: "getModuleSettings",
  tags: ["Module Settings"],
  summary: "Get settings for a module",
  description: "One module's switch and settings; an unknown module answers 404. Requires `can_view_module_settings`.",
  auth: "user",
  errors: [404],
  request: { params: ModuleParamsSchema },
  responses: { 200: jsonContent(ModuleSettingsSchema, "The module's settings") },
});

export function registerGetModuleSettings(app: OpenAPIHono<AppEnv>): void {
  app.openapi(getModuleSettingsRoute, async (c) => {
    const result = await getModuleSettings(c.get("services"), c.get("actor"), { module: c.req.valid("param").module });
    return c.json(moduleSettingsJson(result), 200);
  });
}
