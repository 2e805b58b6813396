import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { resetNotificationPreferences } from "../../../core/notifications/preferences.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { NotificationPreferenceSchema, preferenceJson } from "./schemas.ts";

export const resetNotificationPreferencesRoute = defineRoute({
  method: "post",
  path: "/api/v1/notifications/me/reset",
  operationId: "resetNotificationPreferences",
  tags: ["Notifications"],
  summary: "Reset notification preferences to defaults",
  description: "Deletes the caller's rows and mutes in the workspace and writes one row per event type and channel with the recommended value.",
  auth: "user",
  responses: { 200: jsonContent(z.array(NotificationPreferenceSchema), "The new rows") },
});

export function registerResetNotificationPreferences(app: OpenAPIHono<AppEnv>): void {
  app.openapi(resetNotificationPreferencesRoute, async (c) => {
    const rows = await resetNotificationPreferences(c.get("services"), c.get("actor"));
    return c.json(rows.map(preferenceJson), 200);
  });
}
