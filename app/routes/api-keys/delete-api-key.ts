import type { OpenAPIHono } from "@hono/zod-openapi";
import { deleteApiKey } from "../../../core/api-keys/delete-api-key.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute } from "../../http/define-route.ts";
import { ApiKeyIdParamsSchema } from "./schemas.ts";

export const deleteApiKeyRoute = defineRoute({
  method: "delete",
  path: "/api/v1/api-keys/{api_key_id}",
  operationId: "deleteApiKey",
  tags: ["API Keys"],
  summary: "Delete an API key permanently",
  description: "Removes the key and its record (revoke keeps the record for audit). Requires `can_delete_api_key`.",
  auth: "user",
  errors: [404],
  request: { params: ApiKeyIdParamsSchema },
  responses: { 204: { description: "Deleted" } },
});

export function registerDeleteApiKey(app: OpenAPIHono<AppEnv>): void {
  app.openapi(deleteApiKeyRoute, async (c) => {
    await deleteApiKey(c.get("services"), c.get("actor"), { id: c.req.valid("param").api_key_id });
    return c.body(null, 204);
  });
}
