import { IMPORT_JOB } from "../../../core/imports/import-jobs.ts";
import type { TestApp, TestUser, TestWorkspace } from "../../support/test-app.ts";
import { importCsv } from "./import-test-helpers.ts";

/** A queued import job row (never run: no worker claims it in these tests). */
export async function queuedImportJob(t: TestApp, ws: TestWorkspace, user: TestUser = ws.owner): Promise<string> {
  const job = await t.services.jobs.enqueue({
    type: IMPORT_JOB,
    workspaceId: ws.id,
    createdBy: user.id,
    // Far in the future: a worker of another test file never claims it.
    runAt: new Date(Date.now() + 86_400_000),
    payload: { workspaceId: ws.id, schemaName: ws.schemaName, userId: user.id, recordsetId: crypto.randomUUID(), fileKey: "x", fileName: "x.csv", format: "csv", fieldMappings: {} },
  });
  return job.id;
}

/** A completed import with two rejected rows (so it has an error report). */
export async function finishedImportWithReport(t: TestApp, ws: TestWorkspace): Promise<string> {
  const rows = Array.from({ length: 20 }, (_, i) => `Row ${i},${i}`);
  const { jobId } = await importCsv(t, ws, ["Name,Count", ...rows, "Bad,x", "Worse,y"].join("\n"));
  return jobId;
}
