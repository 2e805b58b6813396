import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { getPaymentInvite } from "../../../core/signup/payment-invite-lookup.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { InviteCodeSchema, PaymentInviteSchema, toPaymentInvite } from "./signup-schemas.ts";

export const getStripeInviteRoute = defineRoute({
  method: "get",
  path: "/api/v1/auth/signup/stripe-invite/{invite_code}",
  operationId: "getStripeInvite",
  tags: ["Authentication"],
  summary: "Get details of a Stripe payment invite",
  description:
    "Prefill data for registration after Stripe Checkout: email, names, plan and whether the invite can still be used (`status`). The invite code is the credential; unknown codes answer 404.",
  auth: "token",
  errors: [404],
  request: { params: z.object({ invite_code: InviteCodeSchema.openapi({ param: { name: "invite_code", in: "path" } }) }) },
  responses: { 200: jsonContent(PaymentInviteSchema, "The invite") },
});

export function registerGetStripeInvite(app: OpenAPIHono<AppEnv>): void {
  app.openapi(getStripeInviteRoute, async (c) => {
    const services = c.get("services");
    const invite = await getPaymentInvite(services, c.req.valid("param").invite_code);
    return c.json(toPaymentInvite(invite, services.now()), 200);
  });
}
