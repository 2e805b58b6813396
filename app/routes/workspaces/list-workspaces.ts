import type { OpenAPIHono } from "@hono/zod-openapi";
import { listWorkspaces } from "../../../core/workspaces/list-workspaces.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { PageQuerySchema, pagedSchema, toWorkspaceJson, WorkspaceSchema } from "./schemas.ts";

export const listWorkspacesRoute = defineRoute({
  method: "get",
  path: "/api/v1/workspaces",
  operationId: "listWorkspaces",
  tags: ["Workspaces"],
  summary: "List workspaces of the current user",
  description:
    "The active workspaces the caller is a member of, by name, each with the caller's `role`. `search` filters by name. Send the chosen `id` as `X-Workspace-Id` on workspace requests.",
  auth: "user-global",
  request: { query: PageQuerySchema },
  responses: { 200: jsonContent(pagedSchema(WorkspaceSchema, "WorkspaceList"), "The caller's workspaces") },
});

export function registerListWorkspaces(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listWorkspacesRoute, async (c) => {
    const query = c.req.valid("query");
    const result = await listWorkspaces(c.get("services"), c.get("actor"), {
      page: query.page,
      pageSize: query.page_size,
      ...(query.search ? { search: query.search } : {}),
    });
    return c.json({ items: result.items.map(toWorkspaceJson), total: result.total, page: query.page, page_size: query.page_size }, 200);
  });
}
