import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { listPermissionsGrouped } from "../../../core/permissions/list-permissions-grouped.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { PermissionInfoSchema } from "./schemas.ts";

const PermissionGroupsSchema = z
  .object({
    groups: z.array(
      z
        .object({
          resource: z.string().openapi({ example: "team" }),
          category: z.enum(["content", "administration"]),
          label: z.string().openapi({ example: "Team" }),
          permissions: z.array(PermissionInfoSchema),
        })
        .openapi("PermissionGroup"),
    ),
  })
  .openapi("PermissionGroups");

export const listPermissionsGroupedRoute = defineRoute({
  method: "get",
  path: "/api/v1/permissions/grouped",
  operationId: "listPermissionsGrouped",
  tags: ["Permissions"],
  summary: "List permissions grouped by resource",
  description: "The catalog grouped by resource for settings screens, content resources first. Any member may read it.",
  auth: "user",
  responses: { 200: jsonContent(PermissionGroupsSchema, "The groups") },
});

export function registerListPermissionsGrouped(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listPermissionsGroupedRoute, async (c) => {
    return c.json(await listPermissionsGrouped(c.get("services"), c.get("actor")), 200);
  });
}
