import type { OpenAPIHono } from "@hono/zod-openapi";
import { getWorkspace } from "../../../core/workspaces/get-workspace.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { toWorkspaceJson, WorkspaceIdParamsSchema, WorkspaceSchema } from "./schemas.ts";

export const getWorkspaceRoute = defineRoute({
  method: "get",
  path: "/api/v1/workspaces/{workspace_id}",
  operationId: "getWorkspace",
  tags: ["Workspaces"],
  summary: "Get a workspace",
  description: "A workspace the caller is a member of, with their `role` and the workspace settings. Any other id answers 404.",
  auth: "user-global",
  errors: [404],
  request: { params: WorkspaceIdParamsSchema },
  responses: { 200: jsonContent(WorkspaceSchema, "The workspace") },
});

export function registerGetWorkspace(app: OpenAPIHono<AppEnv>): void {
  app.openapi(getWorkspaceRoute, async (c) => {
    const { workspace_id } = c.req.valid("param");
    const workspace = await getWorkspace(c.get("services"), c.get("actor"), workspace_id);
    return c.json(toWorkspaceJson(workspace), 200);
  });
}
