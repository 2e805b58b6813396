import { z } from "@hono/zod-openapi";
import type { ActivityExportJob } from "../../../core/activity/activity-export.ts";
import { activityExportFormats } from "../../../core/activity/activity-export.ts";
import type { ActivityFilterInput } from "../../../core/activity/activity-filters.ts";
import type { ActivityItem } from "../../../core/activity/activity-repository.ts";

/** A comma-separated query list (`a,b`), also accepted repeated (`?x=a&x=b`). */
function commaList(item: z.ZodType<string, string>) {
  return z
    .union([z.string(), z.array(z.string())])
    .transform((value) => (Array.isArray(value) ? value : [value]).flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean))
    .pipe(z.array(item).max(50));
}

const ActivityTypeSchema = z.string().regex(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/, "an activity type such as member.added, or a category such as member");

/** The feed's filters, shared by the feed query and the export body. */
export const activityFilterFields = {
  types: commaList(ActivityTypeSchema)
    .optional()
    .openapi({ type: "string", description: "Comma-separated types (`member.added`) or categories (`member`, `team`, `api_key`)", example: "member,team.created" }),
  search: z.string().max(200).optional().openapi({ description: "Words matched as prefixes of the entity name or type", example: "ada" }),
  start_date: z.coerce.date().optional().openapi({ type: "string", format: "date-time", description: "Only events at or after this instant", example: "2026-11-01T00:00:00Z" }),
  end_date: z.coerce.date().optional().openapi({ type: "string", format: "date-time", description: "Only events at or before this instant", example: "2026-11-30T23:59:59Z" }),
  scope: z.enum(["mine", "all"]).default("all").openapi({ description: "`mine`: events by you or concerning you; `all`: the whole workspace" }),
  user_ids: commaList(z.uuid()).optional().openapi({ type: "string", description: "Comma-separated user ids: only events by them" }),
  team_ids: commaList(z.uuid()).optional().openapi({ type: "string", description: "Comma-separated team ids: only events by members of those teams" }),
};

type FilterFields = {
  types?: string[] | undefined;
  search?: string | undefined;
  start_date?: Date | undefined;
  end_date?: Date | undefined;
  scope: "mine" | "all";
  user_ids?: string[] | undefined;
  team_ids?: string[] | undefined;
};

/** The use-case input of parsed filter fields. */
export function activityFilterInput(fields: FilterFields): ActivityFilterInput {
  return {
    scope: fields.scope,
    ...(fields.types ? { types: fields.types } : {}),
    ...(fields.search !== undefined ? { search: fields.search } : {}),
    ...(fields.start_date ? { startDate: fields.start_date } : {}),
    ...(fields.end_date ? { endDate: fields.end_date } : {}),
    ...(fields.user_ids ? { userIds: fields.user_ids } : {}),
    ...(fields.team_ids ? { teamIds: fields.team_ids } : {}),
  };
}

/** `limit` (1..100, default 20) and `offset` query parameters. */
export const pageQueryFields = {
  limit: z.coerce.number().int().min(1).max(100).default(20).openapi({ example: 20 }),
  offset: z.coerce.number().int().min(0).default(0).openapi({ example: 0 }),
};

export const ActivityItemSchema = z
  .object({
    id: z.string().openapi({ example: "0193a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a5b" }),
    type: z.string().openapi({ example: "member.added", description: "`<entity>.<verb>`" }),
    actor_id: z.string().nullable().openapi({ description: "Who acted; null for the system" }),
    actor_name: z.string().nullable().openapi({ example: "Ada Lovelace" }),
    entity_type: z.string().openapi({ example: "member" }),
    entity_id: z.string(),
    entity_name: z.string().nullable().openapi({ example: "Ada Lovelace" }),
    metadata: z.record(z.string(), z.unknown()).openapi({ example: { role: "admin" } }),
    audience: z.array(z.string()).openapi({ description: "Users the event concerns directly" }),
    occurred_at: z.string().openapi({ format: "date-time", example: "2026-11-28T13:40:00.000Z" }),
  })
  .openapi("ActivityItem");

/** The JSON of a feed item. */
export function activityItemJson(item: ActivityItem): z.infer<typeof ActivityItemSchema> {
  return {
    id: item.id,
    type: item.type,
    actor_id: item.actorId,
    actor_name: item.actorName,
    entity_type: item.entityType,
    entity_id: item.entityId,
    entity_name: item.entityName,
    metadata: item.metadata,
    audience: item.audience,
    occurred_at: item.occurredAt.toISOString(),
  };
}

export const ExportFormatSchema = z.enum(activityExportFormats).openapi({ description: "`csv` (default) or `json` (an array)" });

export const ActivityExportJobSchema = z
  .object({
    job_id: z.string().openapi({ example: "0193a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a5b" }),
    status: z.enum(["queued", "running", "succeeded", "failed", "cancelled"]),
    progress: z.number().int().openapi({ example: 100, description: "0-100" }),
    format: ExportFormatSchema.nullable(),
    error: z.string().nullable().openapi({ description: "Why the job failed" }),
    output_data: z
      .object({
        file_name: z.string().openapi({ example: "activity-2026-11-28.csv" }),
        content_type: z.string().openapi({ example: "text/csv; charset=utf-8" }),
        row_count: z.number().int().openapi({ example: 42 }),
        size_bytes: z.number().int().openapi({ example: 5120 }),
        download_url: z.string().optional().openapi({ description: "A signed URL, valid one hour (job status only)" }),
        download_url_expires_at: z.string().optional().openapi({ format: "date-time" }),
      })
      .nullable()
      .openapi({ description: "Set once the job succeeded" }),
    status_url: z.string().openapi({ example: "/api/v1/activity/export/jobs/0193a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a5b" }),
    created_at: z.string().openapi({ format: "date-time" }),
    started_at: z.string().nullable().openapi({ format: "date-time" }),
    finished_at: z.string().nullable().openapi({ format: "date-time" }),
  })
  .openapi("ActivityExportJob");

/** The JSON of an export job, with the download URL when one was signed. */
export function exportJobJson(
  job: ActivityExportJob,
  download?: { url: string; expiresAt: Date } | null,
): z.infer<typeof ActivityExportJobSchema> {
  return {
    job_id: job.id,
    status: job.status,
    progress: job.progress,
    format: job.format,
    error: job.error,
    output_data: job.result
      ? {
          file_name: job.result.file_name,
          content_type: job.result.content_type,
          row_count: job.result.row_count,
          size_bytes: job.result.size_bytes,
          ...(download ? { download_url: download.url, download_url_expires_at: download.expiresAt.toISOString() } : {}),
        }
      : null,
    status_url: `/api/v1/activity/export/jobs/${job.id}`,
    created_at: job.createdAt.toISOString(),
    started_at: job.startedAt?.toISOString() ?? null,
    finished_at: job.finishedAt?.toISOString() ?? null,
  };
}

export const JobIdParamsSchema = z.object({
  job_id: z.uuid().openapi({ param: { name: "job_id", in: "path" }, example: "0193a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a5b" }),
});
