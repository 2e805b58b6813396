import type { OpenAPIHono } from "@hono/zod-openapi";
import { createRecordTask } from "../../../core/tracking/create-record-task.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { taskFields, RecordIdParams, TaskBody, TaskSchema } from "./schemas.ts";

export const createRecordTaskRoute = defineRoute({
  method: "post",
  path: "/api/v1/tracking/{record_id}/tasks",
  operationId: "createRecordTask",
  tags: ["Record Tracking"],
  summary: "Create a task for a record",
  description: "Status `todo` and priority `medium` unless given; the assignee must be an active member. Requires `can_edit` on the recordset, or `can_edit_own` on one's own record.",
  auth: "user",
  request: { params: RecordIdParams, body: { content: { "application/json": { schema: TaskBody } }, required: true } },
  responses: { 200: jsonContent(TaskSchema, "The task") },
});

export function registerCreateRecordTask(app: OpenAPIHono<AppEnv>): void {
  app.openapi(createRecordTaskRoute, async (c) => {
    const { record_id } = c.req.valid("param");
    const b = c.req.valid("json");
    const created = await createRecordTask(c.get("services"), c.get("actor"), { recordId: record_id, ...taskFields(b) });
    return c.json(created, 200);
  });
}
