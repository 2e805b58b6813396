import type { OpenAPIHono } from "@hono/zod-openapi";
import { MigrationRequired } from "../../../core/errors.ts";
import { getWorkspaceHealth } from "../../../core/workspace-health/get-workspace-health.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { workspaceHealthJson, WorkspaceHealthSchema } from "./schemas.ts";

export const getWorkspaceHealthRoute = defineRoute({
  method: "get",
  path: "/api/v1/workspace-health",
  operationId: "getWorkspaceHealth",
  tags: ["Workspace Health"],
  summary: "Get workspace setup/health flags",
  description:
    "Migration state of the workspace's tenant schema (current and latest migration), module switches and counts. Any member may read it. While a migration is required it answers 503 `migration_required` whose problem document carries the same fields (so clients can show the upgrade banner and trigger the migration); 200 when up to date.",
  auth: "user",
  allowPendingMigrations: true,
  responses: { 200: jsonContent(WorkspaceHealthSchema, "The workspace is up to date") },
});

export function registerGetWorkspaceHealth(app: OpenAPIHono<AppEnv>): void {
  app.openapi(getWorkspaceHealthRoute, async (c) => {
    const health = workspaceHealthJson(await getWorkspaceHealth(c.get("services"), c.get("actor")));
    if (health.migration_required) {
      throw new MigrationRequired("this workspace's data needs a migration; trigger it with POST /api/v1/workspace-health/migrations", health);
    }
    return c.json(health, 200);
  });
}
