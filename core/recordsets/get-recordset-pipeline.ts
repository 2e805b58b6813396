import type { Actor } from "../auth/actor.ts";
import { NotFound } from "../errors.ts";
import { workspaceOf } from "../members/member-access.ts";
import { recordsetFor } from "./recordset-access.ts";
import type { RecordsetPipelineDeps } from "./recordset-pipeline-deps.ts";
import type { PipelineRecord } from "./recordset-pipeline-repository.ts";

/** The recordset's pipeline; 404 when the recordset or its pipeline does not exist. Requires `can_view`. */
export async function getRecordsetPipeline(deps: RecordsetPipelineDeps, actor: Actor, input: { recordsetId: string }): Promise<PipelineRecord> {
  const { recordset } = await recordsetFor(deps, actor, { id: input.recordsetId }, "can_view");
  const pipeline = await deps.recordsetPipelines.findByRecordset(workspaceOf(actor), recordset.id);
  if (!pipeline) throw new NotFound("pipeline of recordset", recordset.id);
  return pipeline;
}
