import type { OpenAPIHono } from "@hono/zod-openapi";
import { completeRecordTask } from "../../../core/tracking/complete-record-task.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { TaskIdParams, TaskSchema } from "./schemas.ts";

export const completeRecordTaskRoute = defineRoute({
  method: "post",
  path: "/api/v1/tracking/tasks/{task_id}/complete",
  operationId: "completeRecordTask",
  tags: ["Record Tracking"],
  summary: "Mark a task complete",
  description: "Sets the status to `completed` with who and when; completing a completed task changes nothing. Requires `can_edit` (or `can_edit_own` on one's own record).",
  auth: "user",
  request: { params: TaskIdParams },
  responses: { 200: jsonContent(TaskSchema, "The completed task") },
});

export function registerCompleteRecordTask(app: OpenAPIHono<AppEnv>): void {
  app.openapi(completeRecordTaskRoute, async (c) => {
    const { task_id } = c.req.valid("param");
    return c.json(await completeRecordTask(c.get("services"), c.get("actor"), { taskId: task_id }), 200);
  });
}
