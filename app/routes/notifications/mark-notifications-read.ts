import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { markNotificationsRead } from "../../../core/notifications/inbox.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";

const MarkReadSchema = z
  .object({
    notification_id: z.uuid().nullish().openapi({ description: "The one to mark read; omit to mark all read" }),
  })
  .openapi("MarkNotificationsRead");

export const markNotificationsReadRoute = defineRoute({
  method: "post",
  path: "/api/v1/notifications/mark-read",
  operationId: "markNotificationsRead",
  tags: ["Notifications"],
  summary: "Mark one or all notifications as read",
  description: "With `notification_id`, marks that notification read (404 when it is not the caller's); without, marks all the caller's unread notifications read.",
  auth: "user",
  errors: [404],
  request: { body: { required: false, content: { "application/json": { schema: MarkReadSchema } } } },
  responses: { 200: jsonContent(z.object({ updated: z.number().int().openapi({ example: 4 }) }).openapi("MarkNotificationsReadResult"), "How many changed") },
});

export function registerMarkNotificationsRead(app: OpenAPIHono<AppEnv>): void {
  app.openapi(markNotificationsReadRoute, async (c) => {
    // The body is optional: an empty request marks everything read.
    const body = c.req.header("content-type")?.includes("application/json") ? c.req.valid("json") : {};
    const result = await markNotificationsRead(c.get("services"), c.get("actor"), { notificationId: body?.notification_id ?? null });
    return c.json(result, 200);
  });
}
