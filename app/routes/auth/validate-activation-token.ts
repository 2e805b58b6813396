import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { validateActivation } from "../../../core/accounts/validate-activation.ts";
import { roles } from "../../../core/auth/actor.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { accountDeps } from "./account-deps.ts";

const ValidateActivationQuerySchema = z.object({
  workspace_id: z.uuid().openapi({ param: { name: "workspace_id", in: "query" }, example: "0192f0c1-0000-7c31-9a55-3f1e2d4c5b6a" }),
  token: z.string().min(1).max(512).openapi({ param: { name: "token", in: "query" }, description: "The token from the activation link." }),
});

const ActivationInfoSchema = z
  .object({
    valid: z.literal(true),
    user: z.object({
      id: z.string(),
      email: z.string().openapi({ example: "ada@example.com" }),
      full_name: z.string().openapi({ example: "Ada Lovelace" }),
    }),
    workspace: z.object({
      id: z.string(),
      name: z.string().openapi({ example: "Acme Capital" }),
      slug: z.string().openapi({ example: "acme-capital" }),
    }),
    role: z.enum(roles).openapi({ example: "member" }),
    expires_at: z.string().openapi({ format: "date-time", example: "2026-01-12T09:00:00.000Z" }),
  })
  .openapi("ActivationInfo");

export const validateActivationTokenRoute = defineRoute({
  method: "get",
  path: "/api/v1/auth/activation/validate",
  operationId: "validateActivationToken",
  tags: ["Authentication"],
  summary: "Validate an account activation token from the email link",
  description:
    "No auth header: the token is the credential. Answers the user and workspace the link activates, without using the token. An unknown, expired, used or other-workspace token answers 401 `invalid_activation_token`.",
  auth: "token",
  request: { query: ValidateActivationQuerySchema },
  responses: { 200: jsonContent(ActivationInfoSchema, "The token is valid") },
});

export function registerValidateActivationToken(app: OpenAPIHono<AppEnv>): void {
  app.openapi(validateActivationTokenRoute, async (c) => {
    const { workspace_id, token } = c.req.valid("query");
    const { account, membership, record } = await validateActivation(accountDeps(c.get("services")), {
      token,
      workspaceId: workspace_id,
    });
    return c.json(
      {
        valid: true as const,
        user: { id: account.id, email: account.email, full_name: account.fullName },
        workspace: { id: membership.workspaceId, name: membership.workspaceName, slug: membership.workspaceSlug },
        role: membership.role,
        expires_at: record.expiresAt.toISOString(),
      },
      200,
    );
  });
}
