import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { provisionWorkspaceForOwner } from "../../../core/workspaces/provision-workspace-for-owner.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { EmailSchema } from "../auth/account-schemas.ts";
import { jsonBody, toWorkspaceJson, WorkspaceSchema } from "./schemas.ts";

const ProvisionWorkspaceBodySchema = z
  .object({
    workspace_name: z.string().trim().min(1).max(100).openapi({ example: "Acme Capital" }),
    owner_email: EmailSchema,
    owner_name: z.string().trim().max(200).optional().openapi({ description: "For a new account.", example: "Grace Hopper" }),
    plan: z.string().min(1).max(50).optional().openapi({ description: "Plan code (default: the default plan).", example: "pro" }),
  })
  .openapi("ProvisionWorkspaceRequest");

const ProvisionedWorkspaceSchema = z
  .object({
    workspace: WorkspaceSchema,
    owner: z
      .object({ id: z.string(), email: z.string(), full_name: z.string(), is_activated: z.boolean() })
      .openapi({ example: { id: "0192f0c1-7a4e-7c31-9a55-3f1e2d4c5b6a", email: "grace@example.com", full_name: "Grace Hopper", is_activated: false } }),
    owner_created: z.boolean().openapi({ description: "A new account was created for the owner.", example: true }),
    activation_email_sent: z.boolean().openapi({ description: "The owner has no password yet and was emailed an activation link.", example: true }),
  })
  .openapi("ProvisionedWorkspace");

export const provisionWorkspaceRoute = defineRoute({
  method: "post",
  path: "/api/v1/workspaces/provision",
  operationId: "provisionWorkspace",
  tags: ["Workspaces"],
  summary: "Provision a workspace with an owner (superuser/staff)",
  description:
    "Staff only (`is_staff` or `is_superuser`, else 403). The owner is the user with `owner_email`, or a new account without a password; an owner without a password gets an activation email. Provisions the workspace (tenant schema with migrations, owner membership and tenant member record, base settings, subscription), all or nothing: an account created here is removed again when provisioning fails.",
  auth: "user-global",
  errors: [403, 409],
  request: jsonBody(ProvisionWorkspaceBodySchema),
  responses: { 200: jsonContent(ProvisionedWorkspaceSchema, "The provisioned workspace and its owner") },
});

export function registerProvisionWorkspace(app: OpenAPIHono<AppEnv>): void {
  app.openapi(provisionWorkspaceRoute, async (c) => {
    const body = c.req.valid("json");
    const result = await provisionWorkspaceForOwner(c.get("services"), c.get("actor"), {
      name: body.workspace_name,
      ownerEmail: body.owner_email,
      ...(body.owner_name ? { ownerName: body.owner_name } : {}),
      ...(body.plan ? { plan: body.plan } : {}),
    });
    return c.json(
      {
        workspace: { ...toWorkspaceJson(result.workspace) },
        owner: { id: result.owner.id, email: result.owner.email, full_name: result.owner.fullName, is_activated: result.owner.hasPassword },
        owner_created: result.ownerCreated,
        activation_email_sent: result.activationSent,
      },
      200,
    );
  });
}
