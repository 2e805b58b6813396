import type { WorkspaceRef } from "../members/member-repository.ts";
import type { Job } from "../ports/job-queue.ts";
import type { ObjectStorage } from "../ports/object-storage.ts";
import { buildSignedUrl } from "../signing/url-signature.ts";
import { IMPORT_URL_TTL_SECONDS } from "./import-deps.ts";
import { kindOfJob } from "./import-jobs.ts";
import { geocodeJobCounts } from "../geocoding/geocode-job.ts";
import { toImportJobJson, type ImportJobJson } from "./import-job-view.ts";
import type { RecordBulkWriter } from "./record-bulk-writer.ts";

/** What signing a URL of this API needs (the app's `Services` has it). */
export type UrlSigningDeps = { secrets: { urlSigning: string }; config: { PUBLIC_URL: string }; now(): Date };

export type DescribeJobDeps = UrlSigningDeps & { importWriter: RecordBulkWriter; storage: ObjectStorage };

export const errorReportPath = (jobId: string): string => `/api/v1/recordsets/import/error-report/${jobId}`;

/** A signed, expiring URL of a job's error report (downloadImportErrorReport checks it). */
export function signedReportUrl(deps: UrlSigningDeps, jobId: string): { url: string; expiresAt: Date } {
  return buildSignedUrl(deps.secrets.urlSigning, "GET", deps.config.PUBLIC_URL, errorReportPath(jobId), IMPORT_URL_TTL_SECONDS, deps.now());
}

const storedString = (job: Job, key: string): string | null => {
  const result = job.result as Record<string, unknown> | null;
  const value = result && typeof result === "object" ? result[key] : undefined;
  return typeof value === "string" ? value : null;
};

/** The report's storage key, when the job finished with one. */
export function reportKeyOf(job: Job): string | null {
  return job.status === "succeeded" ? storedString(job, "report_key") : null;
}

/**
 * The API view of a job with what is live or signed per response: a running import's counts
 * (its checkpoint), the report URL, an export's download URL.
 */
export async function describeImportJob(deps: DescribeJobDeps, ws: WorkspaceRef, job: Job): Promise<ImportJobJson> {
  const kind = kindOfJob(job);
  let counts = null;
  if (kind === "import" && job.status === "running") {
    const checkpoint = await deps.importWriter.checkpoint(ws, job.id);
    const payloadTotal = (job.payload as { totalRows?: unknown } | null)?.totalRows;
    counts = {
      processed: checkpoint?.rowsDone ?? 0,
      total: checkpoint?.totalRows ?? (typeof payloadTotal === "number" ? payloadTotal : null),
      imported: checkpoint?.imported ?? 0,
      rejected: checkpoint?.rejected ?? 0,
    };
  }
  // A geocoding job's counts live in its progress message / result (core/geocoding/geocode-job.ts).
  if (kind === "geocode") counts = geocodeJobCounts(job);
  const reportUrl = reportKeyOf(job) ? signedReportUrl(deps, job.id).url : null;
  const exportKey = kind === "export" && job.status === "succeeded" ? storedString(job, "storage_key") : null;
  const downloadUrl = exportKey ? await deps.storage.signedDownloadUrl(exportKey, IMPORT_URL_TTL_SECONDS) : null;
  return toImportJobJson(job, { counts, reportUrl, downloadUrl });
}
