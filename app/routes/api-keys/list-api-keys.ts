import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { listApiKeys } from "../../../core/api-keys/list-api-keys.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { apiKeyJson, ApiKeySchema, booleanQuery, BooleanQuerySchema } from "./schemas.ts";

const ApiKeyListSchema = z
  .object({
    items: z.array(ApiKeySchema),
    total: z.number().int().openapi({ example: 3 }),
    skip: z.number().int().openapi({ example: 0 }),
    limit: z.number().int().openapi({ example: 50 }),
  })
  .openapi("ApiKeyList");

export const listApiKeysRoute = defineRoute({
  method: "get",
  path: "/api/v1/api-keys",
  operationId: "listApiKeys",
  tags: ["API Keys"],
  summary: "List API keys",
  description: "The workspace's keys, newest first, with prefixes only (never the full key). Requires `can_view_api_key`.",
  auth: "user",
  request: {
    query: z.object({
      skip: z.coerce.number().int().min(0).default(0).openapi({ example: 0 }),
      limit: z.coerce.number().int().min(1).max(200).default(50).openapi({ example: 50 }),
      is_active: BooleanQuerySchema.optional().openapi({ description: "Only enabled (true) or disabled (false) keys" }),
      is_revoked: BooleanQuerySchema.optional().openapi({ description: "Only revoked (true) or unrevoked (false) keys" }),
    }),
  },
  responses: { 200: jsonContent(ApiKeyListSchema, "A page of keys") },
});

export function registerListApiKeys(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listApiKeysRoute, async (c) => {
    const query = c.req.valid("query");
    const services = c.get("services");
    const isActive = booleanQuery(query.is_active);
    const isRevoked = booleanQuery(query.is_revoked);
    const page = await listApiKeys(services, c.get("actor"), {
      skip: query.skip,
      limit: query.limit,
      ...(isActive === undefined ? {} : { isActive }),
      ...(isRevoked === undefined ? {} : { isRevoked }),
    });
    const now = services.now();
    return c.json({ ...page, items: page.items.map((k) => apiKeyJson(k, now)) }, 200);
  });
}
