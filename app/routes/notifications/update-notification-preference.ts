import type { OpenAPIHono } from "@hono/zod-openapi";
import { updateNotificationPreference } from "../../../core/notifications/preferences.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { NotificationPreferenceSchema, NotificationPreferenceUpdateSchema, PreferenceIdParams, preferenceJson } from "./schemas.ts";

export const updateNotificationPreferenceRoute = defineRoute({
  method: "put",
  path: "/api/v1/notifications/me/{preference_id}",
  operationId: "updateNotificationPreference",
  tags: ["Notifications"],
  summary: "Update a notification preference",
  description: "Changes one of the caller's own rows; another user's id, or an unknown one, is 404.",
  auth: "user",
  errors: [404, 409],
  request: { params: PreferenceIdParams, body: { required: true, content: { "application/json": { schema: NotificationPreferenceUpdateSchema } } } },
  responses: { 200: jsonContent(NotificationPreferenceSchema, "The updated row") },
});

export function registerUpdateNotificationPreference(app: OpenAPIHono<AppEnv>): void {
  app.openapi(updateNotificationPreferenceRoute, async (c) => {
    const { preference_id } = c.req.valid("param");
    const body = c.req.valid("json");
    const row = await updateNotificationPreference(c.get("services"), c.get("actor"), preference_id, {
      eventType: body.event_type,
      channel: body.channel,
      enabled: body.enabled,
    });
    return c.json(preferenceJson(row), 200);
  });
}
