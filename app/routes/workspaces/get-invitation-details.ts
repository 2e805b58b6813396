import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { getInvitationDetails } from "../../../core/workspaces/get-invitation-details.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { InvitationTokenSchema, RoleSchema } from "./schemas.ts";

const InvitationDetailsSchema = z
  .object({
    invitation_id: z.string().openapi({ example: "0192f0c2-1111-7c31-9a55-3f1e2d4c5b6a" }),
    kind: z.enum(["email", "link"]).openapi({ example: "email" }),
    workspace: z.object({ id: z.string(), name: z.string() }).openapi({ example: { id: "0192f0c1-0000-7c31-9a55-3f1e2d4c5b6a", name: "Acme Capital" } }),
    workspace_id: z.string().openapi({ example: "0192f0c1-0000-7c31-9a55-3f1e2d4c5b6a" }),
    workspace_name: z.string().openapi({ example: "Acme Capital" }),
    role: RoleSchema,
    email: z.string().nullable().openapi({ description: "The invitee (personal invitations).", example: "grace@example.com" }),
    invited_by: z
      .object({ id: z.string(), full_name: z.string() })
      .nullable()
      .openapi({ example: { id: "0192f0c1-2222-7c31-9a55-3f1e2d4c5b6a", full_name: "Ada Lovelace" } }),
    expires_at: z.string().openapi({ format: "date-time", example: "2026-01-12T09:00:00.000Z" }),
    needs_password: z.boolean().openapi({ description: "Accepting must set a password (the invitee has none yet).", example: false }),
    requires_sign_in: z.boolean().openapi({ description: "Shareable links: accept while signed in.", example: false }),
  })
  .openapi("InvitationDetails");

export const getInvitationDetailsRoute = defineRoute({
  method: "get",
  path: "/api/v1/workspaces/invitations/details",
  operationId: "getInvitationDetails",
  tags: ["Workspaces"],
  summary: "Get invitation details by token without accepting",
  description:
    "No authentication: the token is the credential. Shows the workspace, the role, and whether accepting must set a password (`needs_password`). Nothing is accepted or used up. Unknown, expired, used, replaced or cancelled tokens answer 404.",
  auth: "token",
  errors: [404],
  request: { query: z.object({ token: InvitationTokenSchema }) },
  responses: { 200: jsonContent(InvitationDetailsSchema, "The invitation") },
});

export function registerGetInvitationDetails(app: OpenAPIHono<AppEnv>): void {
  app.openapi(getInvitationDetailsRoute, async (c) => {
    const { token } = c.req.valid("query");
    const details = await getInvitationDetails(c.get("services"), token);
    return c.json(
      {
        invitation_id: details.invitationId,
        kind: details.kind,
        workspace: details.workspace,
        workspace_id: details.workspace.id,
        workspace_name: details.workspace.name,
        role: details.role,
        email: details.email,
        invited_by: details.invitedBy ? { id: details.invitedBy.id, full_name: details.invitedBy.fullName } : null,
        expires_at: details.expiresAt.toISOString(),
        needs_password: details.needsPassword,
        requires_sign_in: details.requiresSignIn,
      },
      200,
    );
  });
}
