import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { migrationProgressOf } from "../../../core/workspace-health/tenant-migration-job.ts";
import { triggerMigration } from "../../../core/workspace-health/trigger-migration.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { migrationStreamUrl } from "./schemas.ts";

const MigrationTriggeredSchema = z
  .object({
    job_id: z.uuid(),
    status: z.enum(["QUEUED", "RUNNING", "COMPLETED", "FAILED"]),
    stream_url: z.string().openapi({ example: "/api/v1/workspace-health/migrations/0190f3c2-7a4b-7c1d-9e2f-3a4b5c6d7e8f/stream" }),
    already_running: z.boolean().openapi({ description: "True when a migration was already queued or running and is returned instead of a new one" }),
  })
  .openapi("MigrationTriggered");

export const triggerMigrationRoute = defineRoute({
  method: "post",
  path: "/api/v1/workspace-health/migrations",
  operationId: "triggerMigration",
  tags: ["Workspace Health"],
  summary: "Trigger tenant database migration",
  description:
    "Queues a `tenants.migrate` job for this workspace's schema, run by a background worker (the API process runs one in embedded mode). A lock per workspace prevents duplicates: while one is queued or running, that job is returned. Works while migration is required. Requires `can_edit_workspace` (admins and owners).",
  auth: "user",
  allowPendingMigrations: true,
  errors: [409],
  responses: { 200: jsonContent(MigrationTriggeredSchema, "The migration job and where to follow it") },
});

export function registerTriggerMigration(app: OpenAPIHono<AppEnv>): void {
  app.openapi(triggerMigrationRoute, async (c) => {
    const { job, alreadyRunning } = await triggerMigration(c.get("services"), c.get("actor"));
    return c.json(
      { job_id: job.id, status: migrationProgressOf(job).status, stream_url: migrationStreamUrl(job.id), already_running: alreadyRunning },
      200,
    );
  });
}
