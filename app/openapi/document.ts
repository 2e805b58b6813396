import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../context.ts";
import { securitySchemes } from "../http/define-route.ts";
import { serviceVersion } from "../routes/system/get-root.ts";

/** Builds the OpenAPI 3.1 document from the registered routes. */
export function buildOpenApiDocument(app: OpenAPIHono<AppEnv>): Record<string, unknown> {
  for (const [name, scheme] of Object.entries(securitySchemes)) {
    app.openAPIRegistry.registerComponent("securitySchemes", name, scheme);
  }
  const doc = app.getOpenAPI31Document({
    openapi: "3.1.0",
    info: {
      title: "FOS API",
      version: serviceVersion,
      description:
        "Multi-tenant business operating system API. Authenticate with `Authorization: Bearer <access token>` and choose the workspace with `X-Workspace-Id`; some routes take `X-API-Key` or a signed URL instead. Errors are RFC 9457 `application/problem+json` with a stable `code`.",
    },
    servers: [{ url: "/", description: "This server" }],
  });
  return doc as unknown as Record<string, unknown>;
}
