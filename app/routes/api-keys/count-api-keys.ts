import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { countApiKeys } from "../../../core/api-keys/count-api-keys.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";

const ApiKeyCountsSchema = z
  .object({
    total: z.number().int().openapi({ example: 3, description: "Every key ever created, revoked ones included" }),
    active: z.number().int().openapi({ example: 2, description: "Keys usable now" }),
    revoked: z.number().int().openapi({ example: 1 }),
  })
  .openapi("ApiKeyCounts");

export const countApiKeysRoute = defineRoute({
  method: "get",
  path: "/api/v1/api-keys/count",
  operationId: "countApiKeys",
  tags: ["API Keys"],
  summary: "Count the workspace's API keys",
  description: "Totals for the workspace's API keys. Requires `can_view_api_key` (admins and owners by default).",
  auth: "user",
  responses: { 200: jsonContent(ApiKeyCountsSchema, "The counts") },
});

export function registerCountApiKeys(app: OpenAPIHono<AppEnv>): void {
  app.openapi(countApiKeysRoute, async (c) => {
    const counts = await countApiKeys(c.get("services"), c.get("actor"));
    return c.json(counts, 200);
  });
}
