import type { OpenAPIHono } from "@hono/zod-openapi";
import { createNotificationPreference } from "../../../core/notifications/preferences.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { NotificationPreferenceInputSchema, NotificationPreferenceSchema, preferenceInput, preferenceJson } from "./schemas.ts";

export const createNotificationPreferenceRoute = defineRoute({
  method: "post",
  path: "/api/v1/notifications/me",
  operationId: "createNotificationPreference",
  tags: ["Notifications"],
  summary: "Create a notification preference",
  description: "Adds a row for one event type and channel. A second row for the same pair is a 409: update it, or use the bulk upsert.",
  auth: "user",
  errors: [409],
  request: { body: { required: true, content: { "application/json": { schema: NotificationPreferenceInputSchema } } } },
  responses: { 201: jsonContent(NotificationPreferenceSchema, "The new row") },
});

export function registerCreateNotificationPreference(app: OpenAPIHono<AppEnv>): void {
  app.openapi(createNotificationPreferenceRoute, async (c) => {
    const row = await createNotificationPreference(c.get("services"), c.get("actor"), preferenceInput(c.req.valid("json")));
    return c.json(preferenceJson(row), 201);
  });
}
