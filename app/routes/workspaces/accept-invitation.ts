import { z, type OpenAPIHono } from "@hono/zod-openapi";
import type { Actor } from "../../../core/auth/actor.ts";
import { acceptInvitation } from "../../../core/workspaces/accept-invitation.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { requestClient } from "../auth/account-deps.ts";
import { PasswordSchema, TokenPairSchema } from "../auth/account-schemas.ts";
import { optionalUser } from "./optional-user.ts";
import { InvitationTokenSchema, jsonBody, RoleSchema, toWorkspaceJson, WorkspaceSchema } from "./schemas.ts";

const AcceptInvitationBodySchema = z
  .object({
    token: InvitationTokenSchema,
    password: PasswordSchema.optional().openapi({ description: "Required when the invitee has no password yet (see `needs_password`); ignored otherwise." }),
  })
  .openapi("AcceptInvitationRequest");

const AcceptedInvitationSchema = z
  .object({
    workspace: WorkspaceSchema,
    workspace_id: z.string().openapi({ example: "0192f0c1-0000-7c31-9a55-3f1e2d4c5b6a" }),
    role: RoleSchema,
    user: z
      .object({ id: z.string(), email: z.string(), full_name: z.string() })
      .openapi({ example: { id: "0192f0c1-7a4e-7c31-9a55-3f1e2d4c5b6a", email: "grace@example.com", full_name: "Grace Hopper" } }),
    tokens: TokenPairSchema.nullable().openapi({
      description: "A new session for the invitee (personal invitations); null for shareable links, accepted while signed in.",
    }),
  })
  .openapi("AcceptedInvitation");

export const acceptInvitationRoute = defineRoute({
  method: "post",
  path: "/api/v1/workspaces/invitations/accept",
  operationId: "acceptInvitation",
  tags: ["Workspaces"],
  summary: "Accept a workspace invitation using the email token",
  description:
    "No authentication: the token is the credential. A personal invitation is used up, adds the invitee to the workspace, sets their password when they have none (then `password` is required, else 422), and returns a session. A shareable link must be accepted while signed in (Bearer token; else 401 `sign_in_required`) and counts one use; members keep their role. Unknown, expired, used, replaced or cancelled tokens answer 404.",
  auth: "token",
  errors: [401, 404, 503],
  middleware: [optionalUser()],
  request: jsonBody(AcceptInvitationBodySchema),
  responses: { 200: jsonContent(AcceptedInvitationSchema, "The workspace joined, and a session") },
});

export function registerAcceptInvitation(app: OpenAPIHono<AppEnv>): void {
  app.openapi(acceptInvitationRoute, async (c) => {
    const body = c.req.valid("json");
    const actor = c.get("actor") as Actor | undefined;
    const result = await acceptInvitation(c.get("services"), actor, {
      token: body.token,
      ...(body.password !== undefined ? { password: body.password } : {}),
      client: requestClient(c),
    });
    return c.json(
      {
        workspace: toWorkspaceJson(result.workspace),
        workspace_id: result.workspace.id,
        role: result.role,
        user: { id: result.user.id, email: result.user.email, full_name: result.user.fullName },
        tokens: result.tokens,
      },
      200,
    );
  });
}
