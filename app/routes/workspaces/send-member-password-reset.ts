import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { sendMemberPasswordReset } from "../../../core/workspaces/member-password-reset.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { WorkspaceUserParamsSchema } from "./schemas.ts";

const PasswordResetSentSchema = z
  .object({
    message: z.string().openapi({ example: "A password reset email was sent." }),
    user_id: z.string().openapi({ example: "0192f0c1-7a4e-7c31-9a55-3f1e2d4c5b6a" }),
    email: z.string().openapi({ example: "grace@example.com" }),
    expires_at: z.string().openapi({ format: "date-time", example: "2026-01-05T10:00:00.000Z" }),
  })
  .openapi("MemberPasswordResetSent");

export const sendMemberPasswordResetRoute = defineRoute({
  method: "post",
  path: "/api/v1/workspaces/{workspace_id}/users/{user_id}/password-reset",
  operationId: "sendMemberPasswordReset",
  tags: ["Workspaces"],
  summary: "Send a password reset email to a workspace member",
  description:
    "Emails the member the normal password reset link (single-use, 1 hour); older reset links stop working. The user must be a member of this workspace (else 404). Requires `can_edit_member` (admins and owners by default); an admin cannot reset an owner (403).",
  auth: "user-global",
  errors: [403, 404],
  request: { params: WorkspaceUserParamsSchema },
  responses: { 200: jsonContent(PasswordResetSentSchema, "The email is sent") },
});

export function registerSendMemberPasswordReset(app: OpenAPIHono<AppEnv>): void {
  app.openapi(sendMemberPasswordResetRoute, async (c) => {
    const { workspace_id, user_id } = c.req.valid("param");
    const sent = await sendMemberPasswordReset(c.get("services"), c.get("actor"), { workspaceId: workspace_id, userId: user_id });
    return c.json(
      { message: "A password reset email was sent.", user_id: sent.userId, email: sent.email, expires_at: sent.expiresAt.toISOString() },
      200,
    );
  });
}
