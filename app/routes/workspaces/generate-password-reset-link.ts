import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { generatePasswordResetLink } from "../../../core/workspaces/member-password-reset.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { WorkspaceUserParamsSchema } from "./schemas.ts";

const PasswordResetLinkSchema = z
  .object({
    reset_url: z.url().openapi({ example: "https://app.example.com/reset-password?token=3q2-…" }),
    user_id: z.string().openapi({ example: "0192f0c1-7a4e-7c31-9a55-3f1e2d4c5b6a" }),
    email: z.string().openapi({ example: "grace@example.com" }),
    expires_at: z.string().openapi({ format: "date-time", example: "2026-01-06T09:00:00.000Z" }),
  })
  .openapi("MemberPasswordResetLink");

export const generatePasswordResetLinkRoute = defineRoute({
  method: "post",
  path: "/api/v1/workspaces/{workspace_id}/users/{user_id}/password-reset-link",
  operationId: "generatePasswordResetLink",
  tags: ["Workspaces"],
  summary: "Generate a password reset link without emailing",
  description:
    "Returns a password reset link to share by hand (single-use, 24 hours, longer than an emailed reset); no email is sent and older reset links stop working. The user must be a member of this workspace (else 404). Requires `can_edit_member` (admins and owners by default); an admin cannot reset an owner (403).",
  auth: "user-global",
  errors: [403, 404],
  request: { params: WorkspaceUserParamsSchema },
  responses: { 200: jsonContent(PasswordResetLinkSchema, "The reset link") },
});

export function registerGeneratePasswordResetLink(app: OpenAPIHono<AppEnv>): void {
  app.openapi(generatePasswordResetLinkRoute, async (c) => {
    const { workspace_id, user_id } = c.req.valid("param");
    const link = await generatePasswordResetLink(c.get("services"), c.get("actor"), { workspaceId: workspace_id, userId: user_id });
    return c.json({ reset_url: link.url, user_id: link.userId, email: link.email, expires_at: link.expiresAt.toISOString() }, 200);
  });
}
