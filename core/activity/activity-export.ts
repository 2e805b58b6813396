import { z } from "zod";
import type { Actor } from "../auth/actor.ts";
import { NotFound } from "../errors.ts";
import { isUuid } from "../ids.ts";
import type { Job } from "../ports/job-queue.ts";
import type { ActivityDeps } from "./activity-deps.ts";
import type { ActivityExportJobRecord, ActivityFilter } from "./activity-repository.ts";

/** Job type of an activity export (handler: jobs/handlers/activity-export.ts). */
export const ACTIVITY_EXPORT_JOB = "activity.export";

export const activityExportFormats = ["csv", "json"] as const;
export type ActivityExportFormat = (typeof activityExportFormats)[number];

/** How long a download URL stays valid. */
export const EXPORT_URL_TTL_SECONDS = 3600;

const payloadSchema = z.object({
  workspaceId: z.string().uuid(),
  schemaName: z.string(),
  userId: z.string().uuid(),
  format: z.enum(activityExportFormats),
  filter: z.object({
    types: z.array(z.string()).optional(),
    search: z.string().optional(),
    startDate: z.string().datetime({ offset: true }).optional(),
    endDate: z.string().datetime({ offset: true }).optional(),
    concerning: z.string().uuid().optional(),
    actorIds: z.array(z.string().uuid()).optional(),
    teamIds: z.array(z.string().uuid()).optional(),
  }),
});

/** What an export job carries: the filter resolved when it was asked for (dates as ISO text). */
export type ActivityExportPayload = z.infer<typeof payloadSchema>;

const resultSchema = z.object({
  storage_key: z.string(),
  file_name: z.string(),
  content_type: z.string(),
  row_count: z.number().int(),
  size_bytes: z.number().int(),
});

/** The stored result of a finished export. */
export type ActivityExportResult = z.infer<typeof resultSchema>;

/** The payload for `filter` in JSON form. */
export function toExportPayload(
  ws: { id: string; schemaName: string },
  userId: string,
  format: ActivityExportFormat,
  filter: ActivityFilter,
): ActivityExportPayload {
  const { startDate, endDate, ...rest } = filter;
  return {
    workspaceId: ws.id,
    schemaName: ws.schemaName,
    userId,
    format,
    filter: { ...rest, ...(startDate ? { startDate: startDate.toISOString() } : {}), ...(endDate ? { endDate: endDate.toISOString() } : {}) },
  };
}

/** The payload of a job and its filter with dates; null when malformed. */
export function parseExportPayload(payload: unknown): (ActivityExportPayload & { activityFilter: ActivityFilter }) | null {
  const parsed = payloadSchema.safeParse(payload);
  if (!parsed.success) return null;
  const { startDate, endDate, ...rest } = parsed.data.filter;
  return {
    ...parsed.data,
    activityFilter: { ...rest, ...(startDate ? { startDate: new Date(startDate) } : {}), ...(endDate ? { endDate: new Date(endDate) } : {}) },
  };
}

/** An export job as the API shows it. */
export type ActivityExportJob = {
  id: string;
  status: ActivityExportJobRecord["status"];
  progress: number;
  format: ActivityExportFormat | null;
  error: string | null;
  result: ActivityExportResult | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
};

/** The API view of a job row. */
export function toExportJob(job: ActivityExportJobRecord | Job): ActivityExportJob {
  const payload = parseExportPayload(job.payload);
  const result = job.status === "succeeded" ? resultSchema.safeParse(job.result) : null;
  return {
    id: job.id,
    status: job.status,
    progress: job.progress,
    format: payload?.format ?? null,
    error: job.status === "failed" ? job.lastError : null,
    result: result?.success ? result.data : null,
    createdAt: job.createdAt,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
  };
}

/** The actor's export job `jobId`; 404 when unknown, another type, another workspace's or another user's. */
export async function requireExportJob(deps: Pick<ActivityDeps, "jobs">, actor: Actor, jobId: string): Promise<ActivityExportJob> {
  const workspaceId = actor.workspace!.id;
  const job = isUuid(jobId) ? await deps.jobs.get(jobId, { workspaceId }) : null;
  if (!job || job.type !== ACTIVITY_EXPORT_JOB || job.createdBy === null || job.createdBy !== actor.userId) {
    throw new NotFound("export job", jobId);
  }
  return toExportJob(job);
}
