import { z } from "zod";
import type { Actor } from "../auth/actor.ts";
import { NotFound } from "../errors.ts";
import { isUuid } from "../ids.ts";
import type { Job, JobQueue } from "../ports/job-queue.ts";

/**
 * The job types of the Recordset Import section. They are rows of the shared job queue
 * (public.jobs) with `workspaceId` set and `createdBy` the requesting user; the import/export
 * list, status, cancel and delete routes read all three.
 */
export const IMPORT_JOB = "recordsets.import";
export const EXPORT_JOB = "recordsets.export";
export const GEOCODE_JOB = "recordsets.geocode";

export const importJobKinds = ["import", "export", "geocode"] as const;
export type ImportJobKind = (typeof importJobKinds)[number];

const typeByKind: Record<ImportJobKind, string> = { import: IMPORT_JOB, export: EXPORT_JOB, geocode: GEOCODE_JOB };

export function jobTypeOf(kind: ImportJobKind): string {
  return typeByKind[kind];
}

export function kindOfJob(job: Pick<Job, "type">): ImportJobKind | null {
  return importJobKinds.find((k) => typeByKind[k] === job.type) ?? null;
}

/** How a file column becomes a field value: `{column: field_key}`; a lat_lng field takes `key.lat` / `key.lng`. */
export type FieldMappings = Record<string, string>;

export const importPayloadSchema = z.object({
  workspaceId: z.string().uuid(),
  schemaName: z.string(),
  userId: z.string().uuid(),
  recordsetId: z.string().uuid(),
  /** Object key of the uploaded file (under `workspaces/<workspaceId>/imports/`). */
  fileKey: z.string(),
  fileName: z.string(),
  format: z.enum(["csv", "xlsx", "geojson", "json"]),
  fieldMappings: z.record(z.string(), z.string()),
  /** Whether the recordset was created for this import (createRecordsetFromImport). */
  createdRecordset: z.boolean().default(false),
});
export type ImportPayload = z.infer<typeof importPayloadSchema>;

/** What a finished import stores as the job's result. */
export const importResultSchema = z.object({
  total_rows: z.number().int(),
  imported: z.number().int(),
  rejected: z.number().int(),
  report_key: z.string().nullable(),
  /** The first rejections, so the job view shows why without downloading the report. */
  errors_preview: z.array(z.object({ row_number: z.number().int(), column: z.string().nullable(), reason: z.string() })),
});
export type ImportResult = z.infer<typeof importResultSchema>;

/** Where an import's error report lives. */
export function errorReportKey(workspaceId: string, jobId: string): string {
  return `workspaces/${workspaceId}/imports/${jobId}/errors.csv`;
}

/**
 * A job of the section (import, export or geocode) in the actor's workspace, or 404 (unknown,
 * another workspace's, another section's job, or a malformed id).
 */
export async function requireImportSectionJob(deps: { jobs: JobQueue }, actor: Actor, jobId: string, kinds: readonly ImportJobKind[] = importJobKinds): Promise<Job> {
  const workspaceId = actor.workspace!.id;
  const job = isUuid(jobId) ? await deps.jobs.get(jobId, { workspaceId }) : null;
  const kind = job ? kindOfJob(job) : null;
  if (!job || !kind || !kinds.includes(kind)) throw new NotFound("job", jobId);
  return job;
}
