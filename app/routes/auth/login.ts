import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { login } from "../../../core/accounts/login.ts";
import { PASSWORD_MAX_LENGTH } from "../../../core/accounts/password-policy.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { accountDeps, requestClient } from "./account-deps.ts";
import { EmailSchema, SessionSchema, toSession } from "./account-schemas.ts";

const LoginBodySchema = z
  .object({
    email: EmailSchema,
    password: z.string().min(1).max(PASSWORD_MAX_LENGTH).openapi({ format: "password", example: "correct horse battery staple" }),
  })
  .openapi("LoginRequest");

export const loginRoute = defineRoute({
  method: "post",
  path: "/api/v1/auth/login",
  operationId: "login",
  tags: ["Authentication"],
  summary: "Log in with email and password",
  description:
    "Returns an access token (Bearer, 15 minutes), a single-use refresh token and the user. Wrong email or password answer the same 401 `invalid_credentials`, in the same time. Throttled: 5 attempts per account per 15 minutes (a success clears the count) and 20 failures per client address per 15 minutes; beyond that 429 with `Retry-After`.",
  auth: "none",
  errors: [401],
  request: { body: { required: true, content: { "application/json": { schema: LoginBodySchema } } } },
  responses: { 200: jsonContent(SessionSchema, "The session tokens and the user") },
});

export function registerLogin(app: OpenAPIHono<AppEnv>): void {
  app.openapi(loginRoute, async (c) => {
    const body = c.req.valid("json");
    const result = await login(accountDeps(c.get("services")), { ...body, ...requestClient(c) });
    return c.json(toSession(result.tokens, result.account), 200);
  });
}
