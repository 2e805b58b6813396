import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { updateWorkspace } from "../../../core/workspaces/update-workspace.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { jsonBody, SettingsSchema, toWorkspaceJson, WorkspaceIdParamsSchema, WorkspaceSchema } from "./schemas.ts";

const UpdateWorkspaceBodySchema = z
  .object({
    name: z.string().trim().min(1).max(100).optional().openapi({ example: "Acme Capital Partners" }),
    slug: z
      .string()
      .regex(/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/, "lowercase letters, digits and inner hyphens, up to 64 characters")
      .optional()
      .openapi({ example: "acme-capital" }),
    settings: SettingsSchema.optional().openapi({ description: "Merged key by key into the current settings." }),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, { message: "give at least one of name, slug, settings" })
  .openapi("UpdateWorkspaceRequest");

export const updateWorkspaceRoute = defineRoute({
  method: "put",
  path: "/api/v1/workspaces/{workspace_id}",
  operationId: "updateWorkspace",
  tags: ["Workspaces"],
  summary: "Update a workspace",
  description:
    "Renames the workspace, changes its slug or merges settings. Requires `can_edit_workspace` (admins and owners by default): other roles get 403, non-members 404. A slug in use answers 409.",
  auth: "user-global",
  errors: [403, 404, 409],
  request: { params: WorkspaceIdParamsSchema, ...jsonBody(UpdateWorkspaceBodySchema) },
  responses: { 200: jsonContent(WorkspaceSchema, "The updated workspace") },
});

export function registerUpdateWorkspace(app: OpenAPIHono<AppEnv>): void {
  app.openapi(updateWorkspaceRoute, async (c) => {
    const { workspace_id } = c.req.valid("param");
    const body = c.req.valid("json");
    const workspace = await updateWorkspace(c.get("services"), c.get("actor"), {
      workspaceId: workspace_id,
      ...(body.name !== undefined ? { name: body.name } : {}),
      ...(body.slug !== undefined ? { slug: body.slug } : {}),
      ...(body.settings !== undefined ? { settings: body.settings } : {}),
    });
    return c.json(toWorkspaceJson(workspace), 200);
  });
}
