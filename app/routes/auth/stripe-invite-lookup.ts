import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { lookupPaymentInvite } from "../../../core/signup/payment-invite-lookup.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { EmailSchema } from "./account-schemas.ts";
import { PaymentInviteSchema, toPaymentInvite } from "./signup-schemas.ts";

const LookupPaymentInviteBodySchema = z
  .object({
    email: EmailSchema,
    access_code: z.string().trim().min(4).max(64).openapi({ description: "The code emailed with the invite (case and dashes ignored).", example: "K7QX-9MZP-2A" }),
  })
  .openapi("LookupPaymentInviteRequest");

export const lookupPaymentInviteRoute = defineRoute({
  method: "post",
  path: "/api/v1/auth/lookup-payment-invite",
  operationId: "lookupPaymentInvite",
  tags: ["Authentication"],
  summary: "Find a payment invite by email and access code",
  description:
    "For the post-payment \"final process\" page: the newest invite for the email whose access code matches. No invite for the email, or a wrong access code, answer the same 404, so neither can be probed.",
  auth: "none",
  errors: [404],
  request: { body: { required: true, content: { "application/json": { schema: LookupPaymentInviteBodySchema } } } },
  responses: { 200: jsonContent(PaymentInviteSchema, "The invite") },
});

export function registerLookupPaymentInvite(app: OpenAPIHono<AppEnv>): void {
  app.openapi(lookupPaymentInviteRoute, async (c) => {
    const services = c.get("services");
    const body = c.req.valid("json");
    const invite = await lookupPaymentInvite(services, { email: body.email, accessCode: body.access_code });
    return c.json(toPaymentInvite(invite, services.now()), 200);
  });
}
