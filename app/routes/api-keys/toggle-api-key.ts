import type { OpenAPIHono } from "@hono/zod-openapi";
import { toggleApiKey } from "../../../core/api-keys/toggle-api-key.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { ApiKeyIdParamsSchema, apiKeyJson, ApiKeySchema } from "./schemas.ts";

export const toggleApiKeyRoute = defineRoute({
  method: "post",
  path: "/api/v1/api-keys/{api_key_id}/toggle",
  operationId: "toggleApiKey",
  tags: ["API Keys"],
  summary: "Enable or disable an API key",
  description: "Flips `is_active` without revoking: a disabled key answers 401 until enabled again. A revoked key cannot be enabled (409). Requires `can_edit_api_key`.",
  auth: "user",
  errors: [404, 409],
  request: { params: ApiKeyIdParamsSchema },
  responses: { 200: jsonContent(ApiKeySchema, "The updated key") },
});

export function registerToggleApiKey(app: OpenAPIHono<AppEnv>): void {
  app.openapi(toggleApiKeyRoute, async (c) => {
    const services = c.get("services");
    const key = await toggleApiKey(services, c.get("actor"), { id: c.req.valid("param").api_key_id });
    return c.json(apiKeyJson(key, services.now()), 200);
  });
}
