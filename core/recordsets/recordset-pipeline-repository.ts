import type { InTransaction } from "../events/domain-event.ts";
import type { WorkspaceRef } from "../members/member-repository.ts";

/** A stage of a pipeline (a deal's column on the board). */
export type PipelineStage = {
  /** Stable id records point at; generated when not given. */
  id: string;
  name: string;
  /** Position on the board, from 0. */
  order: number;
  /** Chance (0-100) a deal at this stage closes, for weighted forecasts. */
  probability?: number;
  color?: string;
};

export type PipelineRecord = {
  id: string;
  /** The recordset whose records move through the stages; one pipeline per recordset. */
  recordsetId: string | null;
  name: string;
  /** In `order`. */
  stages: PipelineStage[];
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
};

/** Pipelines of a workspace (tenant `pipelines` table). The Deal Pipelines section grows this port. */
export interface RecordsetPipelineRepository {
  findByRecordset(ws: WorkspaceRef, recordsetId: string): Promise<PipelineRecord | null>;
  /** Throws `Conflict` when the recordset already has a pipeline. */
  create(ws: WorkspaceRef, pipeline: Omit<PipelineRecord, "createdAt" | "updatedAt">, within?: InTransaction<PipelineRecord>): Promise<PipelineRecord>;
}
