import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { listNotifications } from "../../../core/notifications/inbox.ts";
import { notificationView } from "../../../core/notifications/notification-view.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { NotificationSchema } from "./schemas.ts";

const Query = z.object({
  unread_only: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true")
    .openapi({ param: { name: "unread_only", in: "query" }, description: "Only unread notifications" }),
  limit: z.coerce.number().int().min(1).max(200).default(50).openapi({ param: { name: "limit", in: "query" }, example: 50 }),
  offset: z.coerce.number().int().min(0).default(0).openapi({ param: { name: "offset", in: "query" }, example: 0 }),
});

const NotificationListSchema = z
  .object({
    items: z.array(NotificationSchema),
    total: z.number().int().openapi({ description: "Notifications matching the filter", example: 12 }),
    unread_count: z.number().int().openapi({ description: "Unread notifications in total", example: 3 }),
    limit: z.number().int(),
    offset: z.number().int(),
  })
  .openapi("NotificationList");

export const listNotificationsRoute = defineRoute({
  method: "get",
  path: "/api/v1/notifications/inbox",
  operationId: "listNotifications",
  tags: ["Notifications"],
  summary: "List the current user's notifications",
  description: "The caller's notifications in the workspace, newest first, with the total matching. Every member sees only their own.",
  auth: "user",
  request: { query: Query },
  responses: { 200: jsonContent(NotificationListSchema, "A page of notifications") },
});

export function registerListNotifications(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listNotificationsRoute, async (c) => {
    const q = c.req.valid("query");
    const services = c.get("services");
    const actor = c.get("actor");
    const page = await listNotifications(services, actor, { unreadOnly: q.unread_only, limit: q.limit, offset: q.offset });
    return c.json(
      { items: page.items.map((n) => notificationView(n, actor.workspace!.id)), total: page.total, unread_count: page.unreadCount, limit: q.limit, offset: q.offset },
      200,
    );
  });
}
