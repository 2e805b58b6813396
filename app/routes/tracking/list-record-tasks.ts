import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { listRecordTasks } from "../../../core/tracking/list-record-tasks.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { FlagQuery, PageQuery, PrioritySchema, RecordIdParams, TaskListSchema, TaskStatusSchema } from "./schemas.ts";

export const listRecordTasksRoute = defineRoute({
  method: "get",
  path: "/api/v1/tracking/{record_id}/tasks",
  operationId: "listRecordTasks",
  tags: ["Record Tracking"],
  summary: "List tasks for a record",
  description:
    "Open tasks first, soonest due first (overdue at the top), then the others. Completed tasks are left out unless `include_completed=true` or `status=completed`. Requires `can_view` on the record's recordset.",
  auth: "user",
  request: {
    params: RecordIdParams,
    query: z.object({
      ...PageQuery,
      status: TaskStatusSchema.optional(),
      priority: PrioritySchema.optional(),
      include_completed: FlagQuery.default("false").openapi({ description: "Include completed tasks (when no status is given)" }),
    }),
  },
  responses: { 200: jsonContent(TaskListSchema, "A page of tasks") },
});

export function registerListRecordTasks(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listRecordTasksRoute, async (c) => {
    const { record_id } = c.req.valid("param");
    const q = c.req.valid("query");
    const page = await listRecordTasks(c.get("services"), c.get("actor"), {
      recordId: record_id,
      page: q.page,
      pageSize: q.page_size,
      status: q.status,
      priority: q.priority,
      includeCompleted: q.include_completed === "true",
    });
    return c.json(page, 200);
  });
}
