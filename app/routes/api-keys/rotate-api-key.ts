import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { rotateApiKey } from "../../../core/api-keys/rotate-api-key.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { ApiKeyIdParamsSchema, apiKeyJson, ApiKeyWithSecretSchema } from "./schemas.ts";

const RotatedApiKeySchema = ApiKeyWithSecretSchema.extend({
  replaces: z.uuid().openapi({ description: "Id of the key this one replaced (now revoked)" }),
}).openapi("RotatedApiKey");

export const rotateApiKeyRoute = defineRoute({
  method: "post",
  path: "/api/v1/api-keys/{api_key_id}/rotate",
  operationId: "rotateApiKey",
  tags: ["API Keys"],
  summary: "Rotate an API key",
  description:
    "Creates a new key with the same name, scopes and expiry and revokes the old one, in one transaction. The new full key is in this response only. A revoked key cannot be rotated (409). Requires `can_edit_api_key`.",
  auth: "user",
  errors: [404, 409],
  request: { params: ApiKeyIdParamsSchema },
  responses: { 200: jsonContent(RotatedApiKeySchema, "The new key, with its secret shown once") },
});

export function registerRotateApiKey(app: OpenAPIHono<AppEnv>): void {
  app.openapi(rotateApiKeyRoute, async (c) => {
    const services = c.get("services");
    const { key, secret, replaced } = await rotateApiKey(services, c.get("actor"), { id: c.req.valid("param").api_key_id });
    return c.json({ ...apiKeyJson(key, services.now()), key: secret, replaces: replaced.id }, 200);
  });
}
