import type { OpenAPIHono } from "@hono/zod-openapi";
import { getMyPermissions } from "../../../core/permissions/get-my-permissions.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { rolePermissionsJson, RolePermissionsSchema } from "./schemas.ts";

export const getMyPermissionsRoute = defineRoute({
  method: "get",
  path: "/api/v1/permissions/me",
  operationId: "getMyPermissions",
  tags: ["Permissions"],
  summary: "Get the current user's permissions",
  description: "The caller's effective grants in the workspace: their role's defaults with this workspace's overrides applied.",
  auth: "user",
  responses: { 200: jsonContent(RolePermissionsSchema, "The caller's grants") },
});

export function registerGetMyPermissions(app: OpenAPIHono<AppEnv>): void {
  app.openapi(getMyPermissionsRoute, async (c) => {
    return c.json(rolePermissionsJson(await getMyPermissions(c.get("services"), c.get("actor"))), 200);
  });
}
