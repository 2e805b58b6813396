import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { createApiKey } from "../../../core/api-keys/create-api-key.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { apiKeyJson, ApiKeyWithSecretSchema, ExpiresAtSchema, ScopesSchema } from "./schemas.ts";

const CreateApiKeySchema = z
  .object({
    name: z.string().trim().min(1).max(100).openapi({ example: "CI deploys" }),
    scopes: ScopesSchema.default(["*"]),
    expires_at: ExpiresAtSchema.optional(),
  })
  .openapi("CreateApiKey");

export const createApiKeyRoute = defineRoute({
  method: "post",
  path: "/api/v1/api-keys",
  operationId: "createApiKey",
  tags: ["API Keys"],
  summary: "Create an API key",
  description:
    "Creates a `fos_live_` key with a 256-bit secret. The full key is in this response only; it is stored as a SHA-256 hash and later reads show its prefix. Keys act with member rights narrowed to their scopes. Requires `can_create_api_key`.",
  auth: "user",
  request: { body: { content: { "application/json": { schema: CreateApiKeySchema } }, required: true } },
  responses: { 201: jsonContent(ApiKeyWithSecretSchema, "The key, with its secret shown once") },
});

export function registerCreateApiKey(app: OpenAPIHono<AppEnv>): void {
  app.openapi(createApiKeyRoute, async (c) => {
    const body = c.req.valid("json");
    const services = c.get("services");
    const { key, secret } = await createApiKey(services, c.get("actor"), {
      name: body.name,
      scopes: body.scopes,
      expiresAt: body.expires_at ? new Date(body.expires_at) : null,
    });
    return c.json({ ...apiKeyJson(key, services.now()), key: secret }, 201);
  });
}
