import type { OpenAPIHono } from "@hono/zod-openapi";
import { deleteNotificationPreference } from "../../../core/notifications/preferences.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute } from "../../http/define-route.ts";
import { PreferenceIdParams } from "./schemas.ts";

export const deleteNotificationPreferenceRoute = defineRoute({
  method: "delete",
  path: "/api/v1/notifications/me/{preference_id}",
  operationId: "deleteNotificationPreference",
  tags: ["Notifications"],
  summary: "Delete a notification preference",
  description: "Deletes one of the caller's own rows (the pair falls back to its recommended default); another user's id, or an unknown one, is 404.",
  auth: "user",
  errors: [404],
  request: { params: PreferenceIdParams },
  responses: { 204: { description: "Deleted" } },
});

export function registerDeleteNotificationPreference(app: OpenAPIHono<AppEnv>): void {
  app.openapi(deleteNotificationPreferenceRoute, async (c) => {
    await deleteNotificationPreference(c.get("services"), c.get("actor"), c.req.valid("param").preference_id);
    return c.body(null, 204);
  });
}
