import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { updateEmailDeliveryPreference } from "../../../core/notifications/email-delivery.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { EmailDeliverySchema } from "./schemas.ts";

const UpdateSchema = z
  .object({
    email_delivery_mode: z.enum(["instant", "digest"]),
    digest_frequency_minutes: z
      .union([z.enum(["30", "60"]), z.literal(30), z.literal(60)])
      .optional()
      .openapi({ description: "30 or 60 (string or number); kept as it was when omitted", example: "60" }),
  })
  .openapi("UpdateEmailDeliveryPreference");

export const updateEmailDeliveryPreferenceRoute = defineRoute({
  method: "put",
  path: "/api/v1/notifications/email-delivery",
  operationId: "updateEmailDeliveryPreference",
  tags: ["Notifications"],
  summary: "Set email delivery mode and digest frequency",
  description: "`email_delivery_mode` is `instant` or `digest`; `digest_frequency_minutes` is 30 or 60 and only used in digest mode. Other values are 422.",
  auth: "user",
  request: { body: { required: true, content: { "application/json": { schema: UpdateSchema } } } },
  responses: { 200: jsonContent(EmailDeliverySchema, "The settings now in force") },
});

export function registerUpdateEmailDeliveryPreference(app: OpenAPIHono<AppEnv>): void {
  app.openapi(updateEmailDeliveryPreferenceRoute, async (c) => {
    const b = c.req.valid("json");
    const d = await updateEmailDeliveryPreference(c.get("services"), c.get("actor"), {
      emailDeliveryMode: b.email_delivery_mode,
      ...(b.digest_frequency_minutes === undefined ? {} : { digestFrequencyMinutes: Number(b.digest_frequency_minutes) as 30 | 60 }),
    });
    return c.json({ email_delivery_mode: d.emailDeliveryMode, digest_frequency_minutes: String(d.digestFrequencyMinutes) as "30" | "60" }, 200);
  });
}
