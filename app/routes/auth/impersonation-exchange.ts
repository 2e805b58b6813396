import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { exchangeImpersonationToken } from "../../../core/impersonation/exchange-impersonation-token.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { requestClient } from "./account-deps.ts";
import { TokenPairSchema } from "./account-schemas.ts";
import { signupDeps } from "./signup-schemas.ts";

const ExchangeBodySchema = z
  .object({ token: z.string().min(10).max(200).openapi({ description: "The single-use impersonation token (5 minutes)." }) })
  .openapi("ImpersonationExchangeRequest");

export const exchangeImpersonationTokenRoute = defineRoute({
  method: "post",
  path: "/api/v1/auth/impersonation/exchange",
  operationId: "exchangeImpersonationToken",
  tags: ["Authentication"],
  summary: "Exchange an impersonation token for session tokens",
  description:
    "The token (issued to staff for one user, single use, valid 5 minutes) travels in the body. Returns a session for the impersonated user whose access token has `typ: \"impersonation\"` and `act` = the staff user's id. Unknown, used, expired or wrong-kind token, or an inactive target user: 401. Audited.",
  auth: "token",
  request: { body: { required: true, content: { "application/json": { schema: ExchangeBodySchema } } } },
  responses: { 200: jsonContent(TokenPairSchema, "A session for the impersonated user") },
});

export function registerExchangeImpersonationToken(app: OpenAPIHono<AppEnv>): void {
  app.openapi(exchangeImpersonationTokenRoute, async (c) => {
    const tokens = await exchangeImpersonationToken(signupDeps(c.get("services")), c.req.valid("json").token, requestClient(c));
    return c.json(tokens, 200);
  });
}
