import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { resendActivation } from "../../../core/accounts/resend-activation.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { accountDeps } from "./account-deps.ts";
import { EmailSchema } from "./account-schemas.ts";

const ResendActivationBodySchema = z
  .object({
    user_id: z.uuid().optional().openapi({ example: "0192f0c1-7a4e-7c31-9a55-3f1e2d4c5b6a" }),
    email: EmailSchema.optional(),
    workspace_id: z.uuid().optional().openapi({
      description: "The workspace to activate into; default: the first shared one where the caller is an admin or owner.",
    }),
  })
  .refine((body) => body.user_id !== undefined || body.email !== undefined, {
    message: "user_id or email is required",
    path: ["user_id"],
  })
  .openapi("ResendActivationRequest");

const ResendActivationResponseSchema = z
  .object({
    message: z.string().openapi({ example: "Activation email sent." }),
    user_id: z.string(),
    email: z.string().openapi({ example: "ada@example.com" }),
    workspace_id: z.string(),
    expires_at: z.string().openapi({ format: "date-time", example: "2026-01-12T09:00:00.000Z" }),
  })
  .openapi("ResendActivationResponse");

export const resendActivationEmailRoute = defineRoute({
  method: "post",
  path: "/api/v1/auth/activation/resend",
  operationId: "resendActivationEmail",
  tags: ["Authentication"],
  summary: "Resend the account activation email to a user",
  description:
    "For a user who has not set a password yet (given by `user_id` or `email`): sends a new activation link valid 7 days; older links stop working. The caller must be an admin or owner of a shared workspace with a role the same as or higher than the user's (403). Unknown user: 404; an already activated account: 409.",
  auth: "user-global",
  errors: [403, 404, 409],
  request: { body: { required: true, content: { "application/json": { schema: ResendActivationBodySchema } } } },
  responses: { 200: jsonContent(ResendActivationResponseSchema, "The email was sent") },
});

export function registerResendActivationEmail(app: OpenAPIHono<AppEnv>): void {
  app.openapi(resendActivationEmailRoute, async (c) => {
    const body = c.req.valid("json");
    const sent = await resendActivation(accountDeps(c.get("services")), c.get("actor"), {
      ...(body.user_id !== undefined ? { userId: body.user_id } : {}),
      ...(body.email !== undefined ? { email: body.email } : {}),
      ...(body.workspace_id !== undefined ? { workspaceId: body.workspace_id } : {}),
    });
    return c.json(
      {
        message: "Activation email sent.",
        user_id: sent.userId,
        email: sent.email,
        workspace_id: sent.workspaceId,
        expires_at: sent.expiresAt.toISOString(),
      },
      200,
    );
  });
}
