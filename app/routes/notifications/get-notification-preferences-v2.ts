import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { getNotificationPreferencesV2 } from "../../../core/notifications/preferences-v2.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { EventTypeSettingsSchema, eventTypeSettingsJson } from "./schemas.ts";

export const getNotificationPreferencesV2Route = defineRoute({
  method: "get",
  path: "/api/v1/notifications/preferences/v2",
  operationId: "getNotificationPreferencesV2",
  tags: ["Notifications"],
  summary: "Get all notification preferences (v2 format)",
  description: "Every notification event type with the caller's settings in the workspace, recommended defaults filled in.",
  auth: "user",
  responses: {
    200: jsonContent(
      z.object({ preferences: z.record(z.string(), EventTypeSettingsSchema) }).openapi("NotificationPreferencesV2"),
      "Event type -> settings",
    ),
  },
});

export function registerGetNotificationPreferencesV2(app: OpenAPIHono<AppEnv>): void {
  app.openapi(getNotificationPreferencesV2Route, async (c) => {
    const all = await getNotificationPreferencesV2(c.get("services"), c.get("actor"));
    return c.json({ preferences: Object.fromEntries(Object.entries(all).map(([type, s]) => [type, eventTypeSettingsJson(s)])) }, 200);
  });
}
