import { z, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";

const RootSchema = z
  .object({
    name: z.string().openapi({ example: "FOS API" }),
    version: z.string().openapi({ example: "0.1.0" }),
    api_base: z.string().openapi({ example: "/api/v1" }),
    docs_url: z.string().openapi({ example: "/docs" }),
    openapi_url: z.string().openapi({ example: "/openapi.json" }),
    health_url: z.string().openapi({ example: "/health" }),
  })
  .openapi("ServiceInfo");

export const getRootRoute = defineRoute({
  method: "get",
  path: "/",
  operationId: "getRoot",
  tags: ["Untagged"],
  summary: "Service root: basic API info",
  description: "Names the service and where its documentation, OpenAPI document and health check live.",
  auth: "none",
  responses: { 200: jsonContent(RootSchema, "Basic information about the service") },
});

export const serviceVersion = "0.1.0";

export function registerGetRoot(app: OpenAPIHono<AppEnv>): void {
  app.openapi(getRootRoute, (c) =>
    c.json(
      {
        name: "FOS API",
        version: serviceVersion,
        api_base: "/api/v1",
        docs_url: "/docs",
        openapi_url: "/openapi.json",
        health_url: "/health",
      },
      200,
    ),
  );
}
