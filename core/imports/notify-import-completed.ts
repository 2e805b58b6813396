import type { AccountRepository } from "../accounts/account-repository.ts";
import type { EventRecorder } from "../events/domain-event.ts";
import type { Logger } from "../ports/logger.ts";
import type { Mailer } from "../ports/mailer.ts";
import type { RecordsetRecord } from "../recordsets/recordset-repository.ts";
import type { ImportPayload, ImportResult } from "./import-jobs.ts";

export type ImportNotifyDeps = { events: EventRecorder; mailer: Mailer; accounts: Pick<AccountRepository, "findById">; logger?: Logger };

/**
 * Tells the user their import finished: an `import.completed` event (activity row and a
 * notification, the user as audience) and an email with the summary. The email is best
 * effort: the records are in, a mail outage must not fail (and re-run) the import.
 */
export async function notifyImportCompleted(
  deps: ImportNotifyDeps,
  input: { jobId: string; payload: ImportPayload; recordset: Pick<RecordsetRecord, "id" | "name" | "slug">; result: ImportResult; publicUrl: string },
): Promise<void> {
  const { payload, result, recordset } = input;
  await deps.events.record({
    workspaceId: payload.workspaceId,
    type: "import.completed",
    actorId: payload.userId,
    entity: { type: "recordset", id: recordset.id, name: recordset.name },
    metadata: { job_id: input.jobId, file_name: payload.fileName, total_rows: result.total_rows, imported: result.imported, rejected: result.rejected },
    audience: [payload.userId],
  });
  try {
    const account = await deps.accounts.findById(payload.userId);
    if (!account) return;
    const lines = [
      `Your import of ${payload.fileName} into "${recordset.name}" is complete.`,
      "",
      `Rows in the file: ${result.total_rows}`,
      `Imported: ${result.imported}`,
      `Rejected: ${result.rejected}`,
      ...(result.report_key ? ["", `The rejected rows and why are listed in the error report: ${input.publicUrl.replace(/\/$/, "")}/api/v1/recordsets/import/jobs/${input.jobId}/report-url`] : []),
    ];
    await deps.mailer.send({ to: [account.email], subject: `Import complete: ${result.imported} of ${result.total_rows} rows imported into ${recordset.name}`, text: lines.join("\n") });
  } catch (error) {
    deps.logger?.warn("import completion email failed", { jobId: input.jobId, error: error instanceof Error ? error.message : String(error) });
  }
}
