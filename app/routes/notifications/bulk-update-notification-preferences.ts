import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { bulkUpdateNotificationPreferences } from "../../../core/notifications/preferences.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { NotificationPreferenceInputSchema, NotificationPreferenceSchema, preferenceInput, preferenceJson } from "./schemas.ts";

const BulkSchema = z
  .object({ preferences: z.array(NotificationPreferenceInputSchema).min(1).max(500) })
  .openapi("BulkNotificationPreferences");

export const bulkUpdateNotificationPreferencesRoute = defineRoute({
  method: "put",
  path: "/api/v1/notifications/me/bulk",
  operationId: "bulkUpdateNotificationPreferences",
  tags: ["Notifications"],
  summary: "Bulk update notification preferences",
  description: "Upserts each row by event type and channel, all or nothing, and returns the rows in request order.",
  auth: "user",
  request: { body: { required: true, content: { "application/json": { schema: BulkSchema } } } },
  responses: { 200: jsonContent(z.array(NotificationPreferenceSchema), "The updated or created rows") },
});

export function registerBulkUpdateNotificationPreferences(app: OpenAPIHono<AppEnv>): void {
  app.openapi(bulkUpdateNotificationPreferencesRoute, async (c) => {
    const { preferences } = c.req.valid("json");
    const rows = await bulkUpdateNotificationPreferences(c.get("services"), c.get("actor"), preferences.map(preferenceInput));
    return c.json(rows.map(preferenceJson), 200);
  });
}
