import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { requestPasswordReset } from "../../../core/accounts/request-password-reset.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { accountDeps } from "./account-deps.ts";
import { EmailSchema, MessageSchema } from "./account-schemas.ts";

const RequestPasswordResetBodySchema = z.object({ email: EmailSchema }).openapi("RequestPasswordResetRequest");

/** The one answer, whether or not the email has an account. */
export const PASSWORD_RESET_REQUESTED = "If an account exists for this email, a link to reset its password is on its way.";

export const requestPasswordResetRoute = defineRoute({
  method: "post",
  path: "/api/v1/auth/request-password-reset",
  operationId: "requestPasswordReset",
  tags: ["Authentication"],
  summary: "Request a password reset email",
  description:
    "Emails a link `${PUBLIC_URL}/reset-password?token=...` valid one hour (single use; older links stop working). Always answers the same 200, in the same time, whether or not an account has this email.",
  auth: "none",
  request: { body: { required: true, content: { "application/json": { schema: RequestPasswordResetBodySchema } } } },
  responses: { 200: jsonContent(MessageSchema, "The request was accepted") },
});

export function registerRequestPasswordReset(app: OpenAPIHono<AppEnv>): void {
  app.openapi(requestPasswordResetRoute, async (c) => {
    await requestPasswordReset(accountDeps(c.get("services")), c.req.valid("json"));
    return c.json({ message: PASSWORD_RESET_REQUESTED }, 200);
  });
}
