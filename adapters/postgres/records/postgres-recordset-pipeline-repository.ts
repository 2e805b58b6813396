import type { InTransaction } from "../../../core/events/domain-event.ts";
import { asEventTransaction } from "../events/postgres-event-recorder.ts";
import type { Selectable } from "kysely";
import { Conflict } from "../../../core/errors.ts";
import type { WorkspaceRef } from "../../../core/members/member-repository.ts";
import type { PipelineRecord, PipelineStage, RecordsetPipelineRepository } from "../../../core/recordsets/recordset-pipeline-repository.ts";
import { jsonb } from "../jsonb.ts";
import { isUniqueViolation } from "../members/postgres-member-repository.ts";
import type { DatabaseHandle } from "../open-database.ts";
import { tenantDatabase } from "../tenant-database.ts";
import type { PipelinesTable } from "../tenant-schema.ts";

function toPipeline(row: Selectable<PipelinesTable>): PipelineRecord {
  return {
    id: row.id,
    recordsetId: row.recordset_id,
    name: row.name,
    stages: row.stages as PipelineStage[],
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Recordset pipelines in the tenant `pipelines` table; the partial unique index keeps one per recordset. */
export class PostgresRecordsetPipelineRepository implements RecordsetPipelineRepository {
  constructor(private readonly handle: DatabaseHandle) {}

  async findByRecordset(ws: WorkspaceRef, recordsetId: string): Promise<PipelineRecord | null> {
    const row = await tenantDatabase(this.handle, ws.schemaName).transaction((trx) =>
      trx.selectFrom("pipelines").selectAll().where("recordset_id", "=", recordsetId).executeTakeFirst(),
    );
    return row ? toPipeline(row) : null;
  }

  async create(ws: WorkspaceRef, pipeline: Omit<PipelineRecord, "createdAt" | "updatedAt">, within?: InTransaction<PipelineRecord>): Promise<PipelineRecord> {
    try {
      return await tenantDatabase(this.handle, ws.schemaName).transaction(async (trx) => {
        const row = await trx
          .insertInto("pipelines")
          .values({
            id: pipeline.id,
            recordset_id: pipeline.recordsetId,
            name: pipeline.name,
            stages: jsonb(pipeline.stages),
            created_by: pipeline.createdBy,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        const created = toPipeline(row);
        await within?.(asEventTransaction(trx), created);
        return created;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new Conflict("the recordset already has a pipeline");
      throw error;
    }
  }
}
