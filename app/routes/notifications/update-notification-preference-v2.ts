import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { updateNotificationPreferenceV2 } from "../../../core/notifications/preferences-v2.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { EventTypeSettingsSchema, eventTypeSettingsJson } from "./schemas.ts";

const UpdateSchema = z
  .object({
    inapp_enabled: z.boolean().optional(),
    email_enabled: z.boolean().optional(),
    whatsapp_enabled: z.boolean().optional(),
    muted: z.boolean().optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: "send at least one field" })
  .openapi("UpdateNotificationEventTypeSettings");

export const updateNotificationPreferenceV2Route = defineRoute({
  method: "put",
  path: "/api/v1/notifications/preferences/v2/{event_type}",
  operationId: "updateNotificationPreferenceV2",
  tags: ["Notifications"],
  summary: "Update preference for one event type (v2)",
  description: "Sets the given channels and the mute of one event type for the caller; an unknown event type is 404.",
  auth: "user",
  errors: [404],
  request: {
    params: z.object({ event_type: z.string().min(1).max(100).openapi({ param: { name: "event_type", in: "path" }, example: "task.assigned" }) }),
    body: { required: true, content: { "application/json": { schema: UpdateSchema } } },
  },
  responses: {
    200: jsonContent(EventTypeSettingsSchema.extend({ event_type: z.string() }).openapi("NotificationEventTypeSettingsUpdated"), "The settings now in force"),
  },
});

export function registerUpdateNotificationPreferenceV2(app: OpenAPIHono<AppEnv>): void {
  app.openapi(updateNotificationPreferenceV2Route, async (c) => {
    const { event_type } = c.req.valid("param");
    const b = c.req.valid("json");
    const s = await updateNotificationPreferenceV2(c.get("services"), c.get("actor"), event_type, {
      ...(b.inapp_enabled === undefined ? {} : { inapp: b.inapp_enabled }),
      ...(b.email_enabled === undefined ? {} : { email: b.email_enabled }),
      ...(b.whatsapp_enabled === undefined ? {} : { whatsapp: b.whatsapp_enabled }),
      ...(b.muted === undefined ? {} : { muted: b.muted }),
    });
    return c.json({ event_type: s.event_type, ...eventTypeSettingsJson(s) }, 200);
  });
}
