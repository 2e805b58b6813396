import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { watchMigration } from "../../../core/workspace-health/watch-migration.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute } from "../../http/define-route.ts";
import { sseResponse } from "../../http/sse.ts";
import { migrationProgressJson, MigrationProgressSchema } from "./schemas.ts";

export const streamMigrationProgressRoute = defineRoute({
  method: "get",
  path: "/api/v1/workspace-health/migrations/{job_id}/stream",
  operationId: "streamMigrationProgress",
  tags: ["Workspace Health"],
  summary: "Stream tenant migration progress (SSE)",
  description:
    "Server-sent events (`event: progress`, data: `MigrationProgress`): the job's current state first, then each change, ending after COMPLETED or FAILED (FAILED carries `error_message`). Another workspace's job, or a job that is not a migration, answers 404. Works while migration is required. Any member may watch.",
  auth: "user",
  allowPendingMigrations: true,
  errors: [404],
  request: { params: z.object({ job_id: z.uuid().openapi({ param: { name: "job_id", in: "path" } }) }) },
  responses: {
    200: { description: "The event stream", content: { "text/event-stream": { schema: MigrationProgressSchema } } },
  },
});

export function registerStreamMigrationProgress(app: OpenAPIHono<AppEnv>): void {
  app.openapi(streamMigrationProgressRoute, async (c) => {
    const produce = await watchMigration(c.get("services"), c.get("actor"), { jobId: c.req.valid("param").job_id });
    return sseResponse(async function* (signal) {
      for await (const update of produce(signal)) {
        yield { event: "progress", data: migrationProgressJson(update) };
      }
    });
  });
}
