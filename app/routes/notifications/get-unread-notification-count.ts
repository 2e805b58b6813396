import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { countUnreadNotifications } from "../../../core/notifications/inbox.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";

export const getUnreadNotificationCountRoute = defineRoute({
  method: "get",
  path: "/api/v1/notifications/unread-count",
  operationId: "getUnreadNotificationCount",
  tags: ["Notifications"],
  summary: "Count unread notifications",
  description: "How many of the caller's notifications in the workspace are unread (the badge).",
  auth: "user",
  responses: { 200: jsonContent(z.object({ count: z.number().int().openapi({ example: 3 }) }).openapi("UnreadNotificationCount"), "The count") },
});

export function registerGetUnreadNotificationCount(app: OpenAPIHono<AppEnv>): void {
  app.openapi(getUnreadNotificationCountRoute, async (c) => {
    return c.json({ count: await countUnreadNotifications(c.get("services"), c.get("actor")) }, 200);
  });
}
