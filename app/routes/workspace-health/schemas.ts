import { z } from "@hono/zod-openapi";
import type { MigrationProgress } from "../../../core/workspace-health/tenant-migration-job.ts";
import type { WorkspaceHealth } from "../../../core/workspace-health/get-workspace-health.ts";

/** Shared schemas of the Workspace Health section. */

export const WorkspaceHealthSchema = z
  .object({
    workspace_id: z.uuid(),
    migration_required: z.boolean().openapi({ description: "True while the workspace's tenant schema is behind the latest migration" }),
    schema: z
      .object({
        current: z.string().nullable().openapi({ example: "0004_module_settings", description: "Last applied tenant migration" }),
        latest: z.string().openapi({ example: "0004_module_settings", description: "Latest tenant migration of this deploy" }),
        behind: z.boolean(),
      })
      .openapi("TenantSchemaState"),
    modules: z
      .record(z.string(), z.boolean())
      .nullable()
      .openapi({ description: "Module -> enabled; null while migration is required", example: { crm: true, lms: false } }),
    counts: z.object({
      members: z.number().int().openapi({ example: 4 }),
      active_api_keys: z.number().int().openapi({ example: 1 }),
    }),
  })
  .openapi("WorkspaceHealth");

/** The health report as JSON. */
export function workspaceHealthJson(health: WorkspaceHealth): z.infer<typeof WorkspaceHealthSchema> {
  return {
    workspace_id: health.workspaceId,
    migration_required: health.migrationRequired,
    schema: health.schema,
    modules: health.modules,
    counts: { members: health.counts.members, active_api_keys: health.counts.activeApiKeys },
  };
}

export const MigrationProgressSchema = z
  .object({
    job_id: z.uuid(),
    status: z.enum(["QUEUED", "RUNNING", "COMPLETED", "FAILED"]),
    progress: z.number().min(0).max(100).openapi({ example: 100 }),
    current_step: z.string().nullable().openapi({ description: "Schema being migrated" }),
    message: z.string().nullable().openapi({ example: "1/1 applied 0004_module_settings" }),
    error_message: z.string().nullable().openapi({ description: "Set when FAILED" }),
    attempts: z.number().int(),
    updated_at: z.iso.datetime(),
    finished_at: z.iso.datetime().nullable(),
  })
  .openapi("MigrationProgress");

/** A progress report as JSON. */
export function migrationProgressJson(p: MigrationProgress): z.infer<typeof MigrationProgressSchema> {
  return {
    job_id: p.jobId,
    status: p.status,
    progress: p.progress,
    current_step: p.currentStep,
    message: p.message,
    error_message: p.errorMessage,
    attempts: p.attempts,
    updated_at: p.updatedAt.toISOString(),
    finished_at: p.finishedAt?.toISOString() ?? null,
  };
}

/** Where a migration job's progress streams. */
export function migrationStreamUrl(jobId: string): string {
  return `/api/v1/workspace-health/migrations/${jobId}/stream`;
}
