import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { refreshSession } from "../../../core/auth/sessions.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { accountDeps, requestClient } from "./account-deps.ts";
import { TokenPairSchema } from "./account-schemas.ts";

const RefreshBodySchema = z
  .object({ refresh_token: z.string().min(1).max(512).openapi({ example: "kP3…" }) })
  .openapi("RefreshTokenRequest");

export const refreshTokenRoute = defineRoute({
  method: "post",
  path: "/api/v1/auth/refresh",
  operationId: "refreshToken",
  tags: ["Authentication"],
  summary: "Exchange a refresh token for a new access token",
  description:
    "Rotation: answers a new access token and a new refresh token; the one sent stops working. Sending a refresh token that was already used ends the whole session (stolen-token protection): 401 `refresh_token_reused`, and both holders must sign in again. Unknown or expired tokens: 401.",
  auth: "token",
  request: { body: { required: true, content: { "application/json": { schema: RefreshBodySchema } } } },
  responses: { 200: jsonContent(TokenPairSchema, "The new token pair") },
});

export function registerRefreshToken(app: OpenAPIHono<AppEnv>): void {
  app.openapi(refreshTokenRoute, async (c) => {
    const { refresh_token } = c.req.valid("json");
    const tokens = await refreshSession(accountDeps(c.get("services")), refresh_token, requestClient(c));
    return c.json(tokens, 200);
  });
}
