import type { Actor } from "../auth/actor.ts";
import { NotFound, PayloadTooLarge } from "../errors.ts";
import { workspaceOf } from "../members/member-access.ts";
import type { Job } from "../ports/job-queue.ts";
import type { RecordsetRecord } from "../recordsets/recordset-repository.ts";
import { resolveFileUri, type ImportFileRef } from "./import-file-uri.ts";
import { IMPORT_JOB, type FieldMappings, type ImportPayload } from "./import-jobs.ts";
import { buildImportPlan } from "./import-plan.ts";
import { requireImportWriter, type ImportDeps } from "./import-deps.ts";
import { sampleFile, type FileSample } from "./sample-file.ts";
import { storedAnalysis } from "./store-import-file.ts";

/** The upload behind `fileUri`, with its sample (headers, inferred types) and known row count. */
export async function importSource(
  deps: Pick<ImportDeps, "storage" | "tabularFiles">,
  actor: Actor,
  fileUri: string,
  maxBytes: number,
): Promise<{ file: ImportFileRef; sample: FileSample; totalRows: number | null }> {
  requireImportWriter(actor);
  const ws = workspaceOf(actor);
  const file = resolveFileUri(ws.id, fileUri);
  const info = await deps.storage.head(file.key);
  if (!info) throw new NotFound("file", fileUri);
  if (info.size > maxBytes) throw new PayloadTooLarge(`the file is larger than the ${Math.round(maxBytes / 1024 / 1024)} MB import limit`, { limit_bytes: maxBytes });
  const analysis = await storedAnalysis(deps.storage, file.key);
  const sample = analysis
    ? { headers: analysis.headers, fields: analysis.fields, latLng: analysis.latLng, geometryTypes: analysis.geometryTypes }
    : await sampleFile(deps, file.key, file.format, maxBytes);
  return { file, sample, totalRows: analysis ? analysis.totalRows + analysis.rejectedRows : null };
}

/** Checks the mapping against the recordset's schema and the file's columns (422 before anything is queued). */
export function checkMapping(recordset: Pick<RecordsetRecord, "fields">, source: { file: ImportFileRef; sample: FileSample }, mappings: FieldMappings | undefined): void {
  buildImportPlan(recordset.fields, source.sample.headers, mappings, source.sample.fields, {
    hasFeatureGeometry: source.file.format === "geojson" || Object.keys(source.sample.geometryTypes).length > 0,
  });
}

/** The job row of an import into `recordset`. */
export function importJobInput(
  actor: Actor,
  recordset: Pick<RecordsetRecord, "id">,
  source: { file: ImportFileRef; totalRows: number | null },
  mappings: FieldMappings | undefined,
  createdRecordset: boolean,
): { type: string; workspaceId: string; createdBy: string | null; payload: ImportPayload & { totalRows: number | null } } {
  const ws = workspaceOf(actor);
  return {
    type: IMPORT_JOB,
    workspaceId: ws.id,
    createdBy: actor.userId,
    payload: {
      workspaceId: ws.id,
      schemaName: ws.schemaName,
      userId: actor.userId!,
      recordsetId: recordset.id,
      fileKey: source.file.key,
      fileName: source.file.fileName,
      format: source.file.format,
      fieldMappings: mappings ?? {},
      createdRecordset,
      totalRows: source.totalRows,
    },
  };
}

export type StartedImport = { job: Job; recordset: RecordsetRecord };
