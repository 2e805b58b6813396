import type { OpenAPIHono } from "@hono/zod-openapi";
import { deleteRecordTask } from "../../../core/tracking/delete-record-task.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { DeletedSchema, TaskIdParams } from "./schemas.ts";

export const deleteRecordTaskRoute = defineRoute({
  method: "delete",
  path: "/api/v1/tracking/tasks/{task_id}",
  operationId: "deleteRecordTask",
  tags: ["Record Tracking"],
  summary: "Delete a task",
  description: "Deletes it for good. Requires `can_edit` (or `can_edit_own` on one's own record).",
  auth: "user",
  request: { params: TaskIdParams },
  responses: { 200: jsonContent(DeletedSchema, "Deleted") },
});

export function registerDeleteRecordTask(app: OpenAPIHono<AppEnv>): void {
  app.openapi(deleteRecordTaskRoute, async (c) => {
    const { task_id } = c.req.valid("param");
    return c.json(await deleteRecordTask(c.get("services"), c.get("actor"), { taskId: task_id }), 200);
  });
}
