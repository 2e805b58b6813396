import type { PipelineRecord } from "./recordset-pipeline-repository.ts";

/** A pipeline as the API shows it (snake_case JSON). */
export function toPipelineJson(p: PipelineRecord) {
  return {
    id: p.id,
    recordset_id: p.recordsetId,
    name: p.name,
    stages: p.stages.map((s) => ({
      id: s.id,
      name: s.name,
      order: s.order,
      probability: s.probability ?? null,
      color: s.color ?? null,
    })),
    created_by: p.createdBy,
    created_at: p.createdAt.toISOString(),
    updated_at: p.updatedAt.toISOString(),
  };
}
