import type { OpenAPIHono } from "@hono/zod-openapi";
import { getApiKey } from "../../../core/api-keys/get-api-key.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { ApiKeyIdParamsSchema, apiKeyJson, ApiKeySchema } from "./schemas.ts";

export const getApiKeyRoute = defineRoute({
  method: "get",
  path: "/api/v1/api-keys/{api_key_id}",
  operationId: "getApiKey",
  tags: ["API Keys"],
  summary: "Get an API key",
  description: "One key, prefix only. Another workspace's key answers 404. Requires `can_view_api_key`.",
  auth: "user",
  errors: [404],
  request: { params: ApiKeyIdParamsSchema },
  responses: { 200: jsonContent(ApiKeySchema, "The key") },
});

export function registerGetApiKey(app: OpenAPIHono<AppEnv>): void {
  app.openapi(getApiKeyRoute, async (c) => {
    const services = c.get("services");
    const key = await getApiKey(services, c.get("actor"), { id: c.req.valid("param").api_key_id });
    return c.json(apiKeyJson(key, services.now()), 200);
  });
}
