import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { resetPassword } from "../../../core/accounts/reset-password.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { accountDeps } from "./account-deps.ts";
import { MessageSchema, PasswordSchema } from "./account-schemas.ts";

const ResetPasswordBodySchema = z
  .object({
    token: z.string().min(1).max(512).openapi({ description: "The token from the reset link." }),
    new_password: PasswordSchema,
  })
  .openapi("ResetPasswordRequest");

export const resetPasswordRoute = defineRoute({
  method: "post",
  path: "/api/v1/auth/reset-password",
  operationId: "resetPassword",
  tags: ["Authentication"],
  summary: "Reset password using the emailed token",
  description:
    "The reset token in the body is the credential (single use). Sets the new password (8 to 256 characters; a refused password leaves the link usable) and ends every session of the user. An unknown, expired or used token answers 401 `invalid_reset_token`.",
  auth: "token",
  request: { body: { required: true, content: { "application/json": { schema: ResetPasswordBodySchema } } } },
  responses: { 200: jsonContent(MessageSchema, "The password was changed; sign in again") },
});

export function registerResetPassword(app: OpenAPIHono<AppEnv>): void {
  app.openapi(resetPasswordRoute, async (c) => {
    const body = c.req.valid("json");
    await resetPassword(accountDeps(c.get("services")), { token: body.token, newPassword: body.new_password });
    return c.json({ message: "Your password was changed. Sign in with the new password." }, 200);
  });
}
