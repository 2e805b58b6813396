import { expect } from "vitest";
import { IMPORT_JOB, recordsetsImportHandler } from "../../../jobs/handlers/recordsets-import.ts";
import { JobRegistry } from "../../../jobs/registry.ts";
import { startWorker } from "../../../jobs/worker.ts";
import type { TestApp, TestUser, TestWorkspace } from "../../support/test-app.ts";

export const UPLOAD = "/api/v1/recordsets/import/upload";
export const JOBS = "/api/v1/recordsets/import/jobs";

export type AnalysisJson = { file_uri: string; file_name: string; format: string; headers: string[]; total_rows: number; rejected_rows: number; fields: { column: string; type: string; suggested_field_type: string }[] };
export type JobJson = {
  id: string;
  job_type: string;
  status: string;
  progress: { processed: number; total: number | null; imported: number; rejected: number; percent: number };
  recordset_id: string | null;
  summary: Record<string, unknown> | null;
  report_url: string | null;
  error: string | null;
};

/** POSTs `content` as the multipart `file` part. */
export function postFile(t: TestApp, headers: Record<string, string>, name: string, content: string | Uint8Array, type = "text/csv"): Promise<Response> {
  const form = new FormData();
  form.append("file", new Blob([content as BlobPart], { type }), name);
  return t.request(UPLOAD, { method: "POST", headers, body: form });
}

/** Uploads a file as `user` and returns its analysis. */
export async function upload(t: TestApp, ws: TestWorkspace, name: string, content: string | Uint8Array, user: TestUser = ws.owner, type = "text/csv"): Promise<AnalysisJson> {
  const res = await postFile(t, t.as(user, ws), name, content, type);
  if (res.status !== 200) throw new Error(`upload failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as AnalysisJson;
}

/** Creates a recordset from an uploaded file; returns the started import. */
export async function createFromImport(t: TestApp, ws: TestWorkspace, body: Record<string, unknown>, user: TestUser = ws.owner): Promise<{ job_id: string; recordset_id: string; recordset_slug: string }> {
  const res = await t.request("/api/v1/recordsets/import", { method: "POST", headers: t.as(user, ws), json: { name: `Import ${crypto.randomUUID().slice(0, 8)}`, ...body } });
  if (res.status !== 200) throw new Error(`create from import failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as { job_id: string; recordset_id: string; recordset_slug: string };
}

/** Runs queued import jobs until `jobId` has finished. */
export async function runImportJob(t: TestApp, jobId: string, options: { batchSize?: number } = {}): Promise<void> {
  const worker = startWorker({
    queue: t.services.jobs,
    workspaceIds: t.workspaceIds,
    handlers: new JobRegistry().register(IMPORT_JOB, recordsetsImportHandler(t.services, options)),
    concurrency: 1,
    leaseMs: 30_000,
    pollIntervalMs: 20,
    progressIntervalMs: 0,
    logger: t.services.logger,
  });
  try {
    for (let i = 0; i < 1500; i++) {
      const job = await t.services.jobs.get(jobId);
      if (job && ["succeeded", "failed", "cancelled"].includes(job.status)) return;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error("import job did not finish");
  } finally {
    await worker.stop({ timeoutMs: 5000 });
  }
}

/** The job as the API shows it. */
export async function getJob(t: TestApp, ws: TestWorkspace, jobId: string, user: TestUser = ws.owner): Promise<JobJson> {
  const res = await t.request(`${JOBS}/${jobId}`, { headers: t.as(user, ws) });
  expect(res.status).toBe(200);
  return (await res.json()) as JobJson;
}

/** Uploads a CSV, creates a recordset from it and runs the import to its end. */
export async function importCsv(t: TestApp, ws: TestWorkspace, csv: string, body: Record<string, unknown> = {}): Promise<{ jobId: string; recordsetId: string; job: JobJson }> {
  const file = await upload(t, ws, "data.csv", csv);
  const started = await createFromImport(t, ws, { file_uri: file.file_uri, ...body });
  await runImportJob(t, started.job_id);
  return { jobId: started.job_id, recordsetId: started.recordset_id, job: await getJob(t, ws, started.job_id) };
}

export async function expectProblem(res: Response, status: number): Promise<Record<string, unknown>> {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toMatch(/problem\+json/);
  return (await res.json()) as Record<string, unknown>;
}
