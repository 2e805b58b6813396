import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { checkPermission } from "../../../core/permissions/check-permission.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";

const PermissionCheckSchema = z
  .object({
    permission: z.string().openapi({ example: "can_create_team" }),
    allowed: z.boolean().openapi({ example: true }),
  })
  .openapi("PermissionCheck");

export const checkPermissionRoute = defineRoute({
  method: "get",
  path: "/api/v1/permissions/check/{permission}",
  operationId: "checkPermission",
  tags: ["Permissions"],
  summary: "Check whether the current user has a permission",
  description: "True or false from the caller's role and the workspace's overrides. A name outside the catalog answers 404.",
  auth: "user",
  errors: [404],
  request: {
    params: z.object({
      permission: z.string().min(1).max(100).openapi({ param: { name: "permission", in: "path" }, example: "can_create_team" }),
    }),
  },
  responses: { 200: jsonContent(PermissionCheckSchema, "Whether the caller holds it") },
});

export function registerCheckPermission(app: OpenAPIHono<AppEnv>): void {
  app.openapi(checkPermissionRoute, async (c) => {
    const { permission } = c.req.valid("param");
    return c.json(await checkPermission(c.get("services"), c.get("actor"), { permission }), 200);
  });
}
