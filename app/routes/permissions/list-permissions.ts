import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { listPermissions } from "../../../core/permissions/list-permissions.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { PermissionInfoSchema } from "./schemas.ts";

const PermissionListSchema = z
  .object({ items: z.array(PermissionInfoSchema), total: z.number().int().openapi({ example: 130 }) })
  .openapi("PermissionList");

export const listPermissionsRoute = defineRoute({
  method: "get",
  path: "/api/v1/permissions",
  operationId: "listPermissions",
  tags: ["Permissions"],
  summary: "List available permissions",
  description: "The permission catalog (`can_<action>_<resource>`), optionally for one resource. Any member may read it; an unknown resource matches nothing.",
  auth: "user",
  request: {
    query: z.object({
      resource: z.string().min(1).max(50).optional().openapi({ example: "team", description: "Only this resource's permissions" }),
    }),
  },
  responses: { 200: jsonContent(PermissionListSchema, "The catalog") },
});

export function registerListPermissions(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listPermissionsRoute, async (c) => {
    const { resource } = c.req.valid("query");
    const result = await listPermissions(c.get("services"), c.get("actor"), resource === undefined ? {} : { resource });
    return c.json(result, 200);
  });
}
