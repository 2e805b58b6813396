import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { checkClerkUser } from "../../../core/signup/check-clerk-user.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { requestClient } from "./account-deps.ts";
import { EmailSchema, TokenPairSchema } from "./account-schemas.ts";
import { signupDeps } from "./signup-schemas.ts";

const ClerkCheckBodySchema = z
  .object({
    clerk_id: z.string().min(1).max(200).openapi({ example: "user_2abcDEF" }),
    email: EmailSchema,
    name: z.string().max(200).optional().openapi({ example: "Ada Lovelace" }),
  })
  .openapi("ClerkCheckUserRequest");

const ClerkCheckResponseSchema = z
  .union([
    z.object({ exists: z.literal(false) }),
    TokenPairSchema.extend({ exists: z.literal(true), user_id: z.string().openapi({ format: "uuid" }) }),
  ])
  .openapi("ClerkCheckUserResponse");

/** The shared-secret header, as an OpenAPI security scheme of this route. */
const clerkSecretScheme = {
  type: "apiKey",
  in: "header",
  name: "X-Clerk-Secret",
  description: "Shared secret of the Clerk-facing frontend server (CLERK_SECRET).",
} as const;

export const checkClerkUserRoute = {
  ...defineRoute({
    method: "post",
    path: "/api/v1/auth/clerk/check-user",
    operationId: "checkClerkUser",
    tags: ["Authentication"],
    summary: "Check whether a Clerk-authenticated user exists",
    description:
      "Server-to-server: requires `X-Clerk-Secret` equal to the server's `CLERK_SECRET` (compared in constant time); missing or wrong: 401; `CLERK_SECRET` unset: 503. Finds the user by Clerk id, else by email (linking the Clerk id to that account). Existing user: `exists: true` with session tokens; otherwise `{exists: false}`. Never creates users. Deactivated account: 403; email owned by an account linked to another Clerk id: 409.",
    auth: "shared-secret",
    errors: [403, 409, 503],
    request: { body: { required: true, content: { "application/json": { schema: ClerkCheckBodySchema } } } },
    responses: { 200: jsonContent(ClerkCheckResponseSchema, "Whether the user exists, with a session when it does") },
  }),
  security: [{ clerkSecret: [] }],
};

export function registerCheckClerkUser(app: OpenAPIHono<AppEnv>): void {
  app.openAPIRegistry.registerComponent("securitySchemes", "clerkSecret", clerkSecretScheme);
  app.openapi(checkClerkUserRoute, async (c) => {
    const services = c.get("services");
    const body = c.req.valid("json");
    const result = await checkClerkUser(
      { ...signupDeps(services), clerkSecret: services.config.CLERK_SECRET },
      c.req.header("x-clerk-secret") ?? null,
      { clerkId: body.clerk_id, email: body.email },
      requestClient(c),
    );
    if (!result.exists) return c.json({ exists: false as const }, 200);
    return c.json({ exists: true as const, user_id: result.user_id, ...result.tokens }, 200);
  });
}
