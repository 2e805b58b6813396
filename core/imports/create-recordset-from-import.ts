import type { Actor } from "../auth/actor.ts";
import type { Job } from "../ports/job-queue.ts";
import { normaliseFieldSchema, type FieldInput } from "../recordsets/field-schema.ts";
import { createRecordset, type CreateRecordsetInput } from "../recordsets/create-recordset.ts";
import type { RecordsetDeps } from "../recordsets/recordset-deps.ts";
import { fieldsFromAnalysis } from "./inferred-schema.ts";
import type { FieldMappings } from "./import-jobs.ts";
import type { ImportDeps } from "./import-deps.ts";
import { checkMapping, importJobInput, importSource, type StartedImport } from "./start-import.ts";

export type CreateRecordsetFromImportInput = Omit<CreateRecordsetInput, "fields"> & {
  fileUri: string;
  /** The schema; omitted: one field per column with its inferred type. */
  fields?: FieldInput[] | undefined;
  fieldMappings?: FieldMappings | undefined;
  maxBytes: number;
};

/**
 * `createRecordsetFromImport`: creates the recordset (with the given schema, or one inferred
 * from the file) and queues its import in the SAME transaction, so there is never a recordset
 * waiting for a job that was lost, nor a job for a recordset that was not created. Requires
 * `can_create_recordset`.
 */
export async function createRecordsetFromImport(
  deps: RecordsetDeps & Pick<ImportDeps, "storage" | "tabularFiles" | "jobs">,
  actor: Actor,
  input: CreateRecordsetFromImportInput,
): Promise<StartedImport> {
  const { fileUri, fields, fieldMappings, maxBytes, ...recordsetInput } = input;
  const source = await importSource(deps, actor, fileUri, maxBytes);
  const inferred = fields ? null : fieldsFromAnalysis(source.sample);
  const schema = fields ?? inferred!.fields;
  const mappings = fieldMappings ?? inferred?.mappings;
  // Check the mapping against the normalised schema before creating anything (422 leaves no recordset).
  checkMapping({ fields: normaliseFieldSchema(schema) }, source, mappings);
  let job: Job | null = null;
  const recordset = await createRecordset(deps, actor, { ...recordsetInput, fields: schema }, {
    within: async (created, jobs) => {
      job = await deps.jobs.enqueue(importJobInput(actor, created, source, mappings, true), { transaction: jobs });
    },
  });
  return { job: job!, recordset };
}
