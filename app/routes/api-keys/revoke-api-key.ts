import type { OpenAPIHono } from "@hono/zod-openapi";
import { revokeApiKey } from "../../../core/api-keys/revoke-api-key.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { ApiKeyIdParamsSchema, apiKeyJson, ApiKeySchema } from "./schemas.ts";

export const revokeApiKeyRoute = defineRoute({
  method: "post",
  path: "/api/v1/api-keys/{api_key_id}/revoke",
  operationId: "revokeApiKey",
  tags: ["API Keys"],
  summary: "Revoke an API key",
  description:
    "Stops the key from authenticating, for good; the record stays for audit. Revoking a revoked key answers 409. Requires `can_edit_api_key`.",
  auth: "user",
  errors: [404, 409],
  request: { params: ApiKeyIdParamsSchema },
  responses: { 200: jsonContent(ApiKeySchema, "The revoked key") },
});

export function registerRevokeApiKey(app: OpenAPIHono<AppEnv>): void {
  app.openapi(revokeApiKeyRoute, async (c) => {
    const services = c.get("services");
    const key = await revokeApiKey(services, c.get("actor"), { id: c.req.valid("param").api_key_id });
    return c.json(apiKeyJson(key, services.now()), 200);
  });
}
