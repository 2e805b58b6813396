import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { getActivityFeed } from "../../../core/activity/get-activity-feed.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { activityFilterFields, activityFilterInput, activityItemJson, ActivityItemSchema, pageQueryFields } from "./schemas.ts";

const ActivityFeedSchema = z
  .object({
    items: z.array(ActivityItemSchema),
    total: z.number().int().openapi({ example: 120 }),
    limit: z.number().int().openapi({ example: 20 }),
    offset: z.number().int().openapi({ example: 0 }),
  })
  .openapi("ActivityFeed");

export const getActivityFeedRoute = defineRoute({
  method: "get",
  path: "/api/v1/activity/feed",
  operationId: "getActivityFeed",
  tags: ["Activity Feed"],
  summary: "Get the workspace activity feed",
  description:
    "What happened in the workspace, newest first, with the actor's name. Filters combine (all must hold). " +
    "Requires `can_view_activity` (every role by default).",
  auth: "user",
  request: { query: z.object({ ...activityFilterFields, ...pageQueryFields }) },
  responses: { 200: jsonContent(ActivityFeedSchema, "A page of activity") },
});

export function registerGetActivityFeed(app: OpenAPIHono<AppEnv>): void {
  app.openapi(getActivityFeedRoute, async (c) => {
    const query = c.req.valid("query");
    const page = await getActivityFeed(c.get("services"), c.get("actor"), {
      ...activityFilterInput(query),
      limit: query.limit,
      offset: query.offset,
    });
    return c.json({ ...page, items: page.items.map(activityItemJson) }, 200);
  });
}
