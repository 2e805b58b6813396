import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { streamNotifications } from "../../../core/notifications/stream-notifications.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute } from "../../http/define-route.ts";
import { sseResponse } from "../../http/sse.ts";

export const streamNotificationsRoute = defineRoute({
  method: "get",
  path: "/api/v1/notifications/stream",
  operationId: "streamNotifications",
  tags: ["Notifications"],
  summary: "Real-time notifications stream (SSE)",
  description: [
    "Server-sent events for the signed-in user across all their workspaces (Bearer only, no workspace header):",
    "`notification` (a Notification) and `workspace_event` (`{event_type: members_updated | teams_updated | permissions_updated | modules_updated | api_keys_updated, workspace_id, ...}`).",
    "Each event has an `id`; reconnect with `Last-Event-ID` to get what was missed in the last 5 minutes. A `: ping` comment comes every 15 s of silence.",
  ].join(" "),
  auth: "user-global",
  request: {
    headers: z.object({
      "last-event-id": z.string().max(64).optional().openapi({ description: "The id of the last event received, to resume" }),
    }),
  },
  responses: { 200: { description: "An event stream", content: { "text/event-stream": { schema: z.string() } } } },
});

export function registerStreamNotifications(app: OpenAPIHono<AppEnv>): void {
  app.openapi(streamNotificationsRoute, async (c) => {
    const services = c.get("services");
    const actor = c.get("actor");
    const lastEventId = c.req.valid("header")["last-event-id"] ?? null;
    return sseResponse(
      (signal) => streamNotifications(services, actor, { lastEventId, signal }),
    );
  });
}
