import { z } from "@hono/zod-openapi";
import type { PipelineStageInput } from "../../../core/recordsets/create-recordset-pipeline.ts";

const uuidExample = "01939a6e-7c1e-7b41-9a31-5f2b8d1c0a20";

const probability = z.number().min(0).max(100).openapi({ description: "Chance (0-100) a deal at this stage closes", example: 25 });
const color = z.string().regex(/^#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?$/, "a hex colour such as #22c55e").openapi({ example: "#22c55e" });

export const PipelineStageSchema = z
  .object({
    id: z.string().openapi({ example: uuidExample }),
    name: z.string().openapi({ example: "Qualified" }),
    order: z.number().int().openapi({ example: 1 }),
    probability: probability.nullable(),
    color: z.string().nullable().openapi({ example: "#22c55e" }),
  })
  .openapi("PipelineStage");

export const RecordsetPipelineSchema = z
  .object({
    id: z.uuid().openapi({ example: uuidExample }),
    recordset_id: z.uuid().nullable().openapi({ example: uuidExample }),
    name: z.string().openapi({ example: "Sales" }),
    stages: z.array(PipelineStageSchema).openapi({ description: "In board order" }),
    created_by: z.uuid().nullable(),
    created_at: z.string().openapi({ format: "date-time", example: "2026-01-15T10:00:00.000Z" }),
    updated_at: z.string().openapi({ format: "date-time", example: "2026-01-15T10:00:00.000Z" }),
  })
  .openapi("RecordsetPipeline");

export const CreateRecordsetPipelineBody = z
  .object({
    name: z.string().trim().min(1).max(200).openapi({ example: "Sales" }),
    stages: z
      .array(
        z.strictObject({
          id: z.string().trim().min(1).max(64).optional().openapi({ description: "Generated when left out", example: "qualified" }),
          name: z.string().trim().min(1).max(120).openapi({ example: "Qualified" }),
          order: z.number().int().min(0).max(1000).optional().openapi({ description: "Defaults to the position in the list" }),
          probability: probability.optional(),
          color: color.optional(),
        }),
      )
      .min(1)
      .max(50)
      .openapi({ example: [{ name: "New" }, { name: "Qualified", probability: 25 }, { name: "Won", probability: 100, color: "#22c55e" }] }),
  })
  .openapi("CreateRecordsetPipeline");

export function toStageInputs(body: z.infer<typeof CreateRecordsetPipelineBody>): PipelineStageInput[] {
  return body.stages.map((s) => ({ id: s.id, name: s.name, order: s.order, probability: s.probability, color: s.color }));
}
