import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { registerUser } from "../../../core/accounts/register-user.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { accountDeps } from "./account-deps.ts";
import { EmailSchema, PasswordSchema, toUser, UserSchema } from "./account-schemas.ts";

const RegisterUserBodySchema = z
  .object({
    email: EmailSchema,
    password: PasswordSchema,
    full_name: z.string().trim().min(1).max(200).openapi({ example: "Ada Lovelace" }),
  })
  .openapi("RegisterUserRequest");

export const registerUserRoute = defineRoute({
  method: "post",
  path: "/api/v1/auth/register",
  operationId: "registerUser",
  tags: ["Authentication"],
  summary: "Register a new user (legacy)",
  description:
    "Creates an account with a password and no workspace; sign in with `POST /auth/login` afterwards. Legacy: `POST /auth/signup` is the full registration flow. Passwords need 8 to 256 characters. An email already in use (case-insensitive) answers 409.",
  auth: "none",
  errors: [409],
  request: { body: { required: true, content: { "application/json": { schema: RegisterUserBodySchema } } } },
  responses: { 201: jsonContent(UserSchema, "The created user") },
});

export function registerRegisterUser(app: OpenAPIHono<AppEnv>): void {
  app.openapi(registerUserRoute, async (c) => {
    const body = c.req.valid("json");
    const account = await registerUser(accountDeps(c.get("services")), {
      email: body.email,
      password: body.password,
      fullName: body.full_name,
    });
    return c.json(toUser(account), 201);
  });
}
