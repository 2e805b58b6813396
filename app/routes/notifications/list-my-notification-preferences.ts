import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { listMyNotificationPreferences } from "../../../core/notifications/preferences.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { NotificationPreferenceSchema, preferenceJson } from "./schemas.ts";

export const listMyNotificationPreferencesRoute = defineRoute({
  method: "get",
  path: "/api/v1/notifications/me",
  operationId: "listMyNotificationPreferences",
  tags: ["Notifications"],
  summary: "List the current user's notification preferences",
  description: "The caller's saved preference rows in the workspace (event type, channel, enabled). Types without a row use the recommended defaults.",
  auth: "user",
  responses: { 200: jsonContent(z.array(NotificationPreferenceSchema), "The caller's rows") },
});

export function registerListMyNotificationPreferences(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listMyNotificationPreferencesRoute, async (c) => {
    const rows = await listMyNotificationPreferences(c.get("services"), c.get("actor"));
    return c.json(rows.map(preferenceJson), 200);
  });
}
