import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { getDefaultNotificationPreferences } from "../../../core/notifications/preferences.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";

const DefaultSchema = z
  .object({
    inapp_enabled: z.boolean(),
    email_enabled: z.boolean(),
    whatsapp_enabled: z.boolean(),
    label: z.string().openapi({ example: "Task assigned" }),
    description: z.string(),
  })
  .openapi("NotificationDefault");

const DefaultsSchema = z
  .object({
    categories: z.record(z.string(), z.record(z.string(), DefaultSchema)).openapi({
      description: "Category -> event type -> recommended settings",
    }),
    email_delivery_modes: z.object({ instant: z.string(), digest: z.string() }),
  })
  .openapi("NotificationDefaults");

export const getDefaultNotificationPreferencesRoute = defineRoute({
  method: "get",
  path: "/api/v1/notifications/defaults",
  operationId: "getDefaultNotificationPreferences",
  tags: ["Notifications"],
  summary: "Get recommended default notification preferences",
  description: "Every notification event type with its recommended channels, grouped by category, and the email delivery modes.",
  auth: "user",
  responses: { 200: jsonContent(DefaultsSchema, "The recommended settings") },
});

export function registerGetDefaultNotificationPreferences(app: OpenAPIHono<AppEnv>): void {
  app.openapi(getDefaultNotificationPreferencesRoute, async (c) => {
    const grouped = getDefaultNotificationPreferences();
    const categories = Object.fromEntries(
      Object.entries(grouped).map(([category, types]) => [
        category,
        Object.fromEntries(
          Object.entries(types).map(([type, d]) => [
            type,
            { inapp_enabled: d.inapp, email_enabled: d.email, whatsapp_enabled: d.whatsapp, label: d.label, description: d.description },
          ]),
        ),
      ]),
    );
    return c.json(
      {
        categories,
        email_delivery_modes: {
          instant: "Send email notifications immediately when events occur",
          digest: "Batch notifications into one email every 30 or 60 minutes",
        },
      },
      200,
    );
  });
}
