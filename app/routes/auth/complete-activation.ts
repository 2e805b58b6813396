import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { completeActivation } from "../../../core/accounts/complete-activation.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { accountDeps, requestClient } from "./account-deps.ts";
import { MembershipSchema, PasswordSchema, SessionSchema, toMembership, toSession } from "./account-schemas.ts";

const CompleteActivationBodySchema = z
  .object({
    token: z.string().min(1).max(512).openapi({ description: "The token from the activation link." }),
    workspace_id: z.uuid().openapi({ example: "0192f0c1-0000-7c31-9a55-3f1e2d4c5b6a" }),
    password: PasswordSchema,
  })
  .openapi("CompleteActivationRequest");

const ActivatedSessionSchema = SessionSchema.extend({ member: MembershipSchema }).openapi("ActivatedSession");

export const completeActivationRoute = defineRoute({
  method: "post",
  path: "/api/v1/auth/activation/complete",
  operationId: "completeActivation",
  tags: ["Authentication"],
  summary: "Complete account activation by setting a password",
  description:
    "The activation token in the body is the credential. Sets the password (8 to 256 characters; a refused password leaves the link usable), marks the email verified, uses up the link and signs the user in. An unknown, expired, used or other-workspace token answers 401 `invalid_activation_token`.",
  auth: "token",
  request: { body: { required: true, content: { "application/json": { schema: CompleteActivationBodySchema } } } },
  responses: { 200: jsonContent(ActivatedSessionSchema, "Session tokens, the user and their membership") },
});

export function registerCompleteActivation(app: OpenAPIHono<AppEnv>): void {
  app.openapi(completeActivationRoute, async (c) => {
    const body = c.req.valid("json");
    const result = await completeActivation(accountDeps(c.get("services")), {
      token: body.token,
      workspaceId: body.workspace_id,
      password: body.password,
      ...requestClient(c),
    });
    return c.json({ ...toSession(result.tokens, result.account), member: toMembership(result.membership) }, 200);
  });
}
