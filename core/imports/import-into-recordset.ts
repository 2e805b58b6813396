import type { Actor } from "../auth/actor.ts";
import { recordsetFor } from "../recordsets/recordset-access.ts";
import type { FieldMappings } from "./import-jobs.ts";
import type { ImportDeps } from "./import-deps.ts";
import { checkMapping, importJobInput, importSource, type StartedImport } from "./start-import.ts";

/**
 * `importIntoRecordset`: queues the import of an uploaded file into an existing recordset.
 * Requires `can_create` on it (404 when it does not exist, 403 without the flag). The mapping
 * is checked against the file's columns and the schema first (422), so a queued job can run.
 */
export async function importIntoRecordset(
  deps: Pick<ImportDeps, "storage" | "tabularFiles" | "recordsets" | "jobs">,
  actor: Actor,
  input: { recordsetId: string; fileUri: string; fieldMappings?: FieldMappings | undefined; maxBytes: number },
): Promise<StartedImport> {
  const { recordset } = await recordsetFor(deps, actor, { id: input.recordsetId }, "can_create");
  const source = await importSource(deps, actor, input.fileUri, input.maxBytes);
  checkMapping(recordset, source, input.fieldMappings);
  const job = await deps.jobs.enqueue(importJobInput(actor, recordset, source, input.fieldMappings, false));
  return { job, recordset };
}
