import type { OpenAPIHono } from "@hono/zod-openapi";
import { updateRecordTask } from "../../../core/tracking/update-record-task.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { taskFields, TaskIdParams, TaskPatchBody, TaskSchema } from "./schemas.ts";

export const updateRecordTaskRoute = defineRoute({
  method: "put",
  path: "/api/v1/tracking/tasks/{task_id}",
  operationId: "updateRecordTask",
  tags: ["Record Tracking"],
  summary: "Update a task",
  description:
    "Changes the fields given (at least one). Moving to `completed` records who and when; moving away clears it. Requires `can_edit` (or `can_edit_own` on one's own record).",
  auth: "user",
  request: { params: TaskIdParams, body: { content: { "application/json": { schema: TaskPatchBody } }, required: true } },
  responses: { 200: jsonContent(TaskSchema, "The task") },
});

export function registerUpdateRecordTask(app: OpenAPIHono<AppEnv>): void {
  app.openapi(updateRecordTaskRoute, async (c) => {
    const { task_id } = c.req.valid("param");
    const b = c.req.valid("json");
    const updated = await updateRecordTask(c.get("services"), c.get("actor"), { taskId: task_id, ...taskFields(b) });
    return c.json(updated, 200);
  });
}
