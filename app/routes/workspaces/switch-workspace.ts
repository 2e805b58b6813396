import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { switchWorkspace } from "../../../core/workspaces/switch-workspace.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { workspaceHeader } from "../../middleware/auth/workspace-member.ts";
import { jsonBody, RoleSchema, toWorkspaceJson, WorkspaceSchema } from "./schemas.ts";

const SwitchWorkspaceBodySchema = z
  .object({ workspace_id: z.uuid().openapi({ example: "0192f0c1-0000-7c31-9a55-3f1e2d4c5b6a" }) })
  .openapi("SwitchWorkspaceRequest");

const WorkspaceContextSchema = z
  .object({
    workspace: WorkspaceSchema,
    workspace_id: z.string().openapi({ example: "0192f0c1-0000-7c31-9a55-3f1e2d4c5b6a" }),
    role: RoleSchema,
    permissions: z.array(z.string()).openapi({ description: "The caller's effective permissions there.", example: ["can_view_record"] }),
    headers: z
      .record(z.string(), z.string())
      .openapi({ description: "Headers to send on requests in this workspace.", example: { "X-Workspace-Id": "0192f0c1-0000-7c31-9a55-3f1e2d4c5b6a" } }),
  })
  .openapi("WorkspaceContext");

export const switchWorkspaceRoute = defineRoute({
  method: "post",
  path: "/api/v1/workspaces/switch",
  operationId: "switchWorkspace",
  tags: ["Workspaces"],
  summary: "Switch the active workspace",
  description:
    "Access tokens are not tied to a workspace: requests name it in `X-Workspace-Id`. Switching checks the caller's membership and returns the context to keep: the workspace, the caller's role and effective permissions, and the header to send. Not a member (or no such workspace): 403.",
  auth: "user-global",
  errors: [403],
  request: jsonBody(SwitchWorkspaceBodySchema),
  responses: { 200: jsonContent(WorkspaceContextSchema, "The workspace context") },
});

export function registerSwitchWorkspace(app: OpenAPIHono<AppEnv>): void {
  app.openapi(switchWorkspaceRoute, async (c) => {
    const { workspace_id } = c.req.valid("json");
    const result = await switchWorkspace(c.get("services"), c.get("actor"), workspace_id);
    return c.json(
      {
        workspace: toWorkspaceJson(result.workspace),
        workspace_id: result.workspace.id,
        role: result.role,
        permissions: result.permissions,
        headers: { [workspaceHeader]: result.workspace.id },
      },
      200,
    );
  });
}
