import type { Actor } from "../auth/actor.ts";
import { Invalid, type FieldIssue } from "../errors.ts";
import { recordEvent } from "../events/record-event.ts";
import { newId } from "../ids.ts";
import { workspaceOf } from "../members/member-access.ts";
import { recordsetFor } from "./recordset-access.ts";
import type { RecordsetPipelineDeps } from "./recordset-pipeline-deps.ts";
import type { PipelineRecord, PipelineStage } from "./recordset-pipeline-repository.ts";

export type PipelineStageInput = { id?: string | undefined; name: string; order?: number | undefined; probability?: number | undefined; color?: string | undefined };

export type CreateRecordsetPipelineInput = { recordsetId: string; name: string; stages: PipelineStageInput[] };

/**
 * Stages in board order: a stage without `order` takes its position in the list; ids are
 * generated where missing. Names and ids must be unique (a deal's stage must be unambiguous).
 */
export function normaliseStages(input: readonly PipelineStageInput[]): PipelineStage[] {
  const issues: FieldIssue[] = [];
  const ids = new Set<string>();
  const names = new Set<string>();
  const stages = input.map((stage, i): PipelineStage => {
    const name = stage.name.trim();
    const id = stage.id ?? newId();
    if (!name) issues.push({ field: `stages[${i}].name`, message: "must not be blank" });
    if (names.has(name.toLowerCase())) issues.push({ field: `stages[${i}].name`, message: `duplicate stage name "${name}"` });
    if (ids.has(id)) issues.push({ field: `stages[${i}].id`, message: `duplicate stage id "${id}"` });
    names.add(name.toLowerCase());
    ids.add(id);
    return {
      id,
      name,
      order: stage.order ?? i,
      ...(stage.probability !== undefined ? { probability: stage.probability } : {}),
      ...(stage.color !== undefined ? { color: stage.color } : {}),
    };
  });
  if (issues.length) throw new Invalid(`the stages are invalid: ${issues.map((i) => i.message).join("; ")}`, issues);
  // Stable: equal orders keep the order they were given in.
  return stages.map((s, i) => ({ s, i })).sort((a, b) => a.s.order - b.s.order || a.i - b.i).map(({ s }) => s);
}

/**
 * Attaches a pipeline to the recordset (409 when it has one already). Requires `can_admin`
 * on the recordset: the stages shape how everyone works its records.
 */
export async function createRecordsetPipeline(deps: RecordsetPipelineDeps, actor: Actor, input: CreateRecordsetPipelineInput): Promise<PipelineRecord> {
  const { recordset } = await recordsetFor(deps, actor, { id: input.recordsetId }, "can_admin");
  const name = input.name.trim();
  if (!name) throw new Invalid("the name must not be blank", [{ field: "name", message: "must not be blank" }]);
  const pipeline = await deps.recordsetPipelines.create(workspaceOf(actor), {
    id: newId(),
    recordsetId: recordset.id,
    name,
    stages: normaliseStages(input.stages),
    createdBy: actor.userId,
  }, async (transaction, created) => {
    await recordEvent(
      deps,
      actor,
      {
        type: "recordset.pipeline_created",
        entity: { type: "recordset", id: recordset.id, name: recordset.name },
        metadata: { pipeline_id: created.id, pipeline_name: created.name, stages: created.stages.length },
      },
      { transaction },
    );
  });
  return pipeline;
}
