import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { updateApiKey } from "../../../core/api-keys/update-api-key.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { ApiKeyIdParamsSchema, apiKeyJson, ApiKeySchema, ExpiresAtSchema, ScopesSchema } from "./schemas.ts";

const UpdateApiKeySchema = z
  .object({
    name: z.string().trim().min(1).max(100).optional().openapi({ example: "CI deploys (prod)" }),
    scopes: ScopesSchema.optional(),
    expires_at: ExpiresAtSchema.optional(),
    is_active: z.boolean().optional(),
  })
  .strict()
  .openapi("UpdateApiKey");

export const updateApiKeyRoute = defineRoute({
  method: "put",
  path: "/api/v1/api-keys/{api_key_id}",
  operationId: "updateApiKey",
  tags: ["API Keys"],
  summary: "Update an API key",
  description:
    "Changes any of name, scopes, expires_at and is_active; the key itself never changes (rotate it instead). A revoked key cannot change (409). Requires `can_edit_api_key`.",
  auth: "user",
  errors: [404, 409],
  request: {
    params: ApiKeyIdParamsSchema,
    body: { content: { "application/json": { schema: UpdateApiKeySchema } }, required: true },
  },
  responses: { 200: jsonContent(ApiKeySchema, "The updated key") },
});

export function registerUpdateApiKey(app: OpenAPIHono<AppEnv>): void {
  app.openapi(updateApiKeyRoute, async (c) => {
    const services = c.get("services");
    const body = c.req.valid("json");
    const key = await updateApiKey(services, c.get("actor"), {
      id: c.req.valid("param").api_key_id,
      ...(body.name === undefined ? {} : { name: body.name }),
      ...(body.scopes === undefined ? {} : { scopes: body.scopes }),
      ...(body.expires_at === undefined ? {} : { expiresAt: body.expires_at === null ? null : new Date(body.expires_at) }),
      ...(body.is_active === undefined ? {} : { isActive: body.is_active }),
    });
    return c.json(apiKeyJson(key, services.now()), 200);
  });
}
