import type { OpenAPIHono } from "@hono/zod-openapi";
import { getEmailDeliveryPreference } from "../../../core/notifications/email-delivery.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { EmailDeliverySchema } from "./schemas.ts";

export const getEmailDeliveryPreferenceRoute = defineRoute({
  method: "get",
  path: "/api/v1/notifications/email-delivery",
  operationId: "getEmailDeliveryPreference",
  tags: ["Notifications"],
  summary: "Get email delivery mode (instant or digest)",
  description: "`instant` mails each notification as it happens; `digest` sends one summary every 30 or 60 minutes. Instant when never set.",
  auth: "user",
  responses: { 200: jsonContent(EmailDeliverySchema, "The caller's mode") },
});

export function registerGetEmailDeliveryPreference(app: OpenAPIHono<AppEnv>): void {
  app.openapi(getEmailDeliveryPreferenceRoute, async (c) => {
    const d = await getEmailDeliveryPreference(c.get("services"), c.get("actor"));
    return c.json({ email_delivery_mode: d.emailDeliveryMode, digest_frequency_minutes: String(d.digestFrequencyMinutes) as "30" | "60" }, 200);
  });
}
