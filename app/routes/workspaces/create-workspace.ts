import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { createWorkspace } from "../../../core/workspaces/create-workspace.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { jsonBody, SettingsSchema, toWorkspaceJson, WorkspaceSchema } from "./schemas.ts";

const CreateWorkspaceBodySchema = z
  .object({
    name: z.string().trim().min(1).max(100).openapi({ example: "Acme Capital" }),
    settings: SettingsSchema.optional(),
  })
  .openapi("CreateWorkspaceRequest");

export const createWorkspaceRoute = defineRoute({
  method: "post",
  path: "/api/v1/workspaces",
  operationId: "createWorkspace",
  tags: ["Workspaces"],
  summary: "Create a workspace",
  description:
    "Creates a workspace owned by the caller: its own database schema with every migration, the caller as owner, the base settings and a subscription on the default plan; all or nothing. No sample data is seeded: tenants start with a clean slate (`skip_seed` is accepted for compatibility; it is always the case).",
  auth: "user-global",
  request: {
    query: z.object({
      skip_seed: z
        .enum(["true", "false", "1", "0"])
        .optional()
        .openapi({ description: "Accepted for compatibility: no sample data is ever seeded.", example: "true" }),
    }),
    ...jsonBody(CreateWorkspaceBodySchema),
  },
  responses: { 201: jsonContent(WorkspaceSchema, "The new workspace; the caller is its owner") },
});

export function registerCreateWorkspace(app: OpenAPIHono<AppEnv>): void {
  app.openapi(createWorkspaceRoute, async (c) => {
    const body = c.req.valid("json");
    const workspace = await createWorkspace(c.get("services"), c.get("actor"), {
      name: body.name,
      ...(body.settings ? { settings: body.settings } : {}),
    });
    return c.json(toWorkspaceJson(workspace), 201);
  });
}
