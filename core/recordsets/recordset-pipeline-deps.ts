import type { RecordsetDeps } from "./recordset-deps.ts";
import type { RecordsetPipelineRepository } from "./recordset-pipeline-repository.ts";

/** What the recordset pipeline use-cases need. */
export type RecordsetPipelineDeps = RecordsetDeps & { recordsetPipelines: RecordsetPipelineRepository };
