import type { OpenAPIHono } from "@hono/zod-openapi";
import { signupWithInvite } from "../../../core/signup/invite-signup.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { requestClient } from "./account-deps.ts";
import { TokenPairSchema } from "./account-schemas.ts";
import {
  InviteSignupBodySchema,
  signupDeps,
  SignupUserSchema,
  SignupWorkspaceSchema,
  toInviteSignupInput,
  toSignupUser,
  toSignupWorkspace,
} from "./signup-schemas.ts";

const InviteSignupResponseSchema = TokenPairSchema.extend({
  user: SignupUserSchema,
  workspace: SignupWorkspaceSchema,
}).openapi("InviteSignupResponse");

export const signupWithStripeInviteRoute = defineRoute({
  method: "post",
  path: "/api/v1/auth/signup/stripe-invite",
  operationId: "signupWithStripeInvite",
  tags: ["Authentication"],
  summary: "Register using a paid Stripe payment invite",
  description:
    "The invite code is the credential. Creates the user, the workspace and its database, links the workspace to the subscription already paid in Stripe, and marks the invite used. The email must be the invite's. `password` may be omitted when `clerk_id` is given (a random one is set). Unknown code: 404; used or expired: 409.",
  auth: "token",
  errors: [404, 409],
  request: { body: { required: true, content: { "application/json": { schema: InviteSignupBodySchema } } } },
  responses: { 201: jsonContent(InviteSignupResponseSchema, "The account, its workspace and a session") },
});

export function registerSignupWithStripeInvite(app: OpenAPIHono<AppEnv>): void {
  app.openapi(signupWithStripeInviteRoute, async (c) => {
    const result = await signupWithInvite(signupDeps(c.get("services")), toInviteSignupInput(c.req.valid("json")), requestClient(c));
    return c.json({ ...result.tokens, user: toSignupUser(result.user), workspace: toSignupWorkspace(result.workspace) }, 201);
  });
}
