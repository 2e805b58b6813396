import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { getActivityStats } from "../../../core/activity/get-activity-stats.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";

const ActivityStatsSchema = z
  .object({
    days: z.number().int().openapi({ example: 30 }),
    since: z.string().openapi({ format: "date-time", description: "Start of the window (UTC midnight)" }),
    total: z.number().int().openapi({ example: 57 }),
    by_type: z.array(z.object({ type: z.string().openapi({ example: "member.added" }), count: z.number().int() })),
    by_day: z.array(z.object({ date: z.string().openapi({ example: "2026-11-28" }), count: z.number().int() })).openapi({
      description: "Every UTC day of the window, oldest first, zero-filled",
    }),
    top_actors: z.array(z.object({ user_id: z.string(), name: z.string().nullable(), count: z.number().int() })),
  })
  .openapi("ActivityStats");

export const getActivityStatsRoute = defineRoute({
  method: "get",
  path: "/api/v1/activity/stats",
  operationId: "getActivityStats",
  tags: ["Activity Feed"],
  summary: "Get activity statistics for the dashboard",
  description: "Counts per activity type, per day and the most active members over the last `days` days. Requires `can_view_activity`.",
  auth: "user",
  request: {
    query: z.object({
      days: z.coerce.number().int().min(1).max(365).default(30).openapi({ example: 30, description: "Window in UTC days, today included" }),
      top: z.coerce.number().int().min(1).max(50).default(5).openapi({ example: 5, description: "How many top actors" }),
    }),
  },
  responses: { 200: jsonContent(ActivityStatsSchema, "The statistics") },
});

export function registerGetActivityStats(app: OpenAPIHono<AppEnv>): void {
  app.openapi(getActivityStatsRoute, async (c) => {
    const query = c.req.valid("query");
    const stats = await getActivityStats(c.get("services"), c.get("actor"), { days: query.days, top: query.top });
    return c.json(
      {
        days: stats.days,
        since: stats.since.toISOString(),
        total: stats.total,
        by_type: stats.byType,
        by_day: stats.byDay,
        top_actors: stats.topActors.map((a) => ({ user_id: a.actorId, name: a.actorName, count: a.count })),
      },
      200,
    );
  });
}
