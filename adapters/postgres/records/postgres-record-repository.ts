import { sql, type RawBuilder, type Transaction } from "kysely";
import { Conflict, Invalid } from "../../../core/errors.ts";
import { newId } from "../../../core/ids.ts";
import type { WorkspaceRef } from "../../../core/members/member-repository.ts";
import type { Geometry } from "../../../core/records/geometry.ts";
import type {
  ExportQuery,
  ExportRow,
  MapQuery,
  NewRecord,
  RecordChange,
  RecordComment,
  RecordListQuery,
  RecordRecord,
  RecordRelationship,
  RecordRepository,
  RecordStatus,
  RecordVersion,
  SpatialQuery,
  Within,
} from "../../../core/records/record-repository.ts";
import type { DerivedColumns } from "../../../core/recordsets/promoted-columns.ts";
import { asEventTransaction } from "../events/postgres-event-recorder.ts";
import { jsonb } from "../jsonb.ts";
import { isUniqueViolation } from "../members/postgres-member-repository.ts";
import type { DatabaseHandle } from "../open-database.ts";
import { tenantDatabase } from "../tenant-database.ts";
import type { TenantDatabase } from "../tenant-schema.ts";
import { filtersCondition, searchQuery } from "./record-filter-sql.ts";
import { cappedCount, pageQuery } from "./record-list-page.ts";
import { streamMapFeatures } from "./record-map-stream.ts";
import { countExportRows, streamExportRows } from "./record-export-stream.ts";
import { spatialFilterIds } from "./record-spatial-filter.ts";

type Trx = Transaction<TenantDatabase>;

/** Columns every record read selects (geometry as GeoJSON text). */
const RECORD_COLUMNS = sql`r.id, r.recordset_id, r.field_values, r.title, r.status, r.tags, r.tool_statuses, r.group_id, r.version,
  st_asgeojson(r.promoted_gis_1, 7) as geometry, r.created_by, r.updated_by, r.created_at, r.updated_at, r.deleted_at`;

type RecordRow = {
  id: string;
  recordset_id: string;
  field_values: Record<string, unknown>;
  title: string | null;
  status: RecordStatus;
  tags: string[];
  tool_statuses: Record<string, string>;
  group_id: string | null;
  version: number;
  geometry: string | null;
  created_by: string | null;
  updated_by: string | null;
  created_at: Date | string;
  updated_at: Date | string;
  deleted_at: Date | string | null;
};

const asDate = (v: Date | string) => (v instanceof Date ? v : new Date(v));

function toRecord(row: RecordRow): RecordRecord {
  return {
    id: row.id,
    recordsetId: row.recordset_id,
    fieldValues: row.field_values,
    title: row.title,
    status: row.status,
    tags: row.tags,
    toolStatuses: row.tool_statuses,
    groupId: row.group_id,
    version: row.version,
    geometry: row.geometry ? (JSON.parse(row.geometry) as Geometry) : null,
    createdBy: row.created_by,
    updatedBy: row.updated_by,
    createdAt: asDate(row.created_at),
    updatedAt: asDate(row.updated_at),
    deletedAt: row.deleted_at === null ? null : asDate(row.deleted_at),
  };
}

/** Column values of title, promoted slots and geometry. */
function derivedValues(derived: DerivedColumns) {
  return {
    title: derived.title,
    ...derived.promoted,
    promoted_gis_1: derived.geometry ? sql`st_setsrid(st_geomfromgeojson(${JSON.stringify(derived.geometry)}::text), 4326)` : null,
  };
}

/** A CHECK on `promoted_gis_1` (ST_IsValid) refuses self-intersecting rings and the like. */
function invalidGeometry(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return e?.code === "23514" || e?.code === "XX000" || /geometry|geojson/i.test(e?.message ?? "");
}

async function insertVersion(trx: Trx, record: { id: string; version: number; fieldValues: Record<string, unknown>; status: RecordStatus; tags: string[] }, change: { changeType: RecordVersion["changeType"]; restoredFrom?: number | undefined; userId: string | null }) {
  await trx
    .insertInto("record_versions")
    .values({
      id: newId(),
      record_id: record.id,
      version: record.version,
      field_values: jsonb(record.fieldValues),
      status: record.status,
      tags: jsonb(record.tags),
      change_type: change.changeType,
      restored_from: change.restoredFrom ?? null,
      changed_by: change.userId,
    })
    .execute();
}

async function adjustCount(trx: Trx, recordsetId: string, delta: number): Promise<void> {
  if (delta === 0) return;
  await trx
    .updateTable("recordsets")
    .set({ record_count: sql`greatest(record_count + ${delta}, 0)` })
    .where("id", "=", recordsetId)
    .execute();
}

async function selectRecord(trx: Trx, id: string, includeDeleted = false): Promise<RecordRecord | null> {
  const { rows } = await sql<RecordRow>`select ${RECORD_COLUMNS} from records r where r.id = ${id} ${includeDeleted ? sql`` : sql`and r.deleted_at is null`}`.execute(trx);
  return rows[0] ? toRecord(rows[0]) : null;
}

/** Records, versions, comments and relationships in the tenant schema, through the tenant role. */
export class PostgresRecordRepository implements RecordRepository {
  constructor(private readonly handle: DatabaseHandle) {}

  private run<T>(ws: WorkspaceRef, work: (trx: Trx) => Promise<T>): Promise<T> {
    return tenantDatabase(this.handle, ws.schemaName).transaction(work);
  }

  async find(ws: WorkspaceRef, id: string, options: { includeDeleted?: boolean } = {}): Promise<RecordRecord | null> {
    return await this.run(ws, (trx) => selectRecord(trx, id, options.includeDeleted));
  }

  async findMany(ws: WorkspaceRef, ids: readonly string[]): Promise<RecordRecord[]> {
    if (ids.length === 0) return [];
    const { rows } = await this.run(ws, (trx) =>
      sql<RecordRow>`select ${RECORD_COLUMNS} from records r where r.id in (${sql.join(ids.map((id) => sql`${id}::uuid`))}) and r.deleted_at is null`.execute(trx),
    );
    return rows.map(toRecord);
  }

  async list(ws: WorkspaceRef, query: RecordListQuery): Promise<{ items: RecordRecord[]; total: number; totalIsEstimate?: boolean }> {
    if (query.recordsets !== "all" && query.recordsets.length === 0) return { items: [], total: 0 };
    const conditions = [
      query.recordsets === "all" ? sql`true` : sql`r.recordset_id in (${sql.join(query.recordsets.map((id) => sql`${id}::uuid`))})`,
      // Records of trashed recordsets stay out of lists (one named recordset was checked already).
      query.recordsets !== "all" && query.recordsets.length === 1
        ? sql`true`
        : sql`exists (select 1 from recordsets rs where rs.id = r.recordset_id and rs.deleted_at is null)`,
      query.status ? sql`r.status = ${query.status}` : sql`r.deleted_at is null`,
      filtersCondition("r", query.filters),
    ];
    const tsquery = query.search ? searchQuery(query.search) : null;
    if (query.search && tsquery === null) return { items: [], total: 0 };
    if (tsquery) conditions.push(sql`r.search_vector @@ to_tsquery('simple', ${tsquery})`);
    if (query.tags?.length) conditions.push(sql`r.tags @> ${jsonb(query.tags)}`);
    if (query.groupId) conditions.push(sql`r.group_id = ${query.groupId}::uuid`);
    if (query.tool) {
      conditions.push(sql`r.tool_statuses ? ${query.tool}`);
      if (query.excludeRecommendation) conditions.push(sql`r.tool_statuses ->> ${query.tool} <> 'recommended'`);
    } else if (query.excludeRecommendation) {
      conditions.push(sql`not exists (select 1 from jsonb_each_text(r.tool_statuses) t where t.value = 'recommended')`);
    }
    const where = sql.join(conditions, sql` and `);
    return await this.run(ws, async (trx) => {
      const { rows } = await (pageQuery(RECORD_COLUMNS, where, query.sort, query.pageSize, (query.page - 1) * query.pageSize) as RawBuilder<RecordRow>).execute(trx);
      // The count is skipped when the page shows the whole result; capped past COUNT_CAP.
      if (query.page === 1 && rows.length < query.pageSize) return { items: rows.map(toRecord), total: rows.length, totalIsEstimate: false };
      const { total, estimate } = await cappedCount(trx, where);
      return { items: rows.map(toRecord), total, totalIsEstimate: estimate };
    });
  }

  async create(ws: WorkspaceRef, record: NewRecord, within?: Within): Promise<RecordRecord> {
    try {
      return await this.run(ws, async (trx) => {
        await trx
          .insertInto("records")
          .values({
            id: record.id,
            recordset_id: record.recordsetId,
            field_values: jsonb(record.fieldValues),
            status: record.status,
            tags: jsonb(record.tags),
            tool_statuses: jsonb(record.toolStatuses),
            group_id: record.groupId,
            created_by: record.createdBy,
            updated_by: record.createdBy,
            ...derivedValues(record.derived),
          } as never)
          .execute();
        await insertVersion(trx, { ...record, version: 1 }, { changeType: "created", userId: record.createdBy });
        if (record.status !== "deleted") await adjustCount(trx, record.recordsetId, 1);
        await within?.(asEventTransaction(trx));
        return (await selectRecord(trx, record.id))!;
      });
    } catch (error) {
      if (invalidGeometry(error)) throw geometryRefused(error);
      throw error;
    }
  }

  async update(ws: WorkspaceRef, id: string, expectedVersion: number, change: RecordChange, within?: Within): Promise<RecordRecord | null> {
    try {
      return await this.run(ws, async (trx) => {
        const current = await trx.selectFrom("records").select(["version", "recordset_id", "status"]).where("id", "=", id).where("deleted_at", "is", null).forUpdate().executeTakeFirst();
        if (!current) return null;
        if (current.version !== expectedVersion) throw new Conflict(`the record changed meanwhile (now version ${current.version}); reload it and try again`);
        const version = expectedVersion + 1;
        await trx
          .updateTable("records")
          .set({
            field_values: jsonb(change.fieldValues),
            status: change.status,
            tags: jsonb(change.tags),
            version,
            updated_by: change.userId,
            updated_at: sql`now()`,
            ...(change.status === "deleted" ? { deleted_at: sql`now()` } : {}),
            ...derivedValues(change.derived),
          } as never)
          .where("id", "=", id)
          .execute();
        await insertVersion(trx, { id, version, fieldValues: change.fieldValues, status: change.status, tags: change.tags }, change);
        if (change.status === "deleted") await adjustCount(trx, current.recordset_id, -1);
        await within?.(asEventTransaction(trx));
        return await selectRecord(trx, id, true);
      });
    } catch (error) {
      if (invalidGeometry(error)) throw geometryRefused(error);
      throw error;
    }
  }

  async softDelete(ws: WorkspaceRef, id: string, userId: string | null, within?: Within): Promise<boolean> {
    const deleted = await this.softDeleteMany(ws, { ids: [id] }, userId, within);
    return deleted.length > 0;
  }

  async softDeleteMany(ws: WorkspaceRef, target: { ids: readonly string[] } | { recordsetId: string }, userId: string | null, within?: Within): Promise<string[]> {
    if ("ids" in target && target.ids.length === 0) return [];
    return await this.run(ws, async (trx) => {
      const scope = "ids" in target ? sql`id in (${sql.join(target.ids.map((id) => sql`${id}::uuid`))})` : sql`recordset_id = ${target.recordsetId}::uuid`;
      const { rows } = await sql<{ id: string; recordset_id: string }>`
        update records set status = 'deleted', deleted_at = now(), updated_at = now(), updated_by = ${userId}::uuid, version = version + 1
        where ${scope} and deleted_at is null
        returning id, recordset_id`.execute(trx);
      if (rows.length === 0) return [];
      // One version row per deleted record, copied in SQL (no round trip per record).
      const ids = sql.join(rows.map((r) => sql`(${newId()}::uuid, ${r.id}::uuid)`));
      await sql`
        insert into record_versions (id, record_id, version, field_values, status, tags, change_type, changed_by)
        select v.id, r.id, r.version, r.field_values, r.status, r.tags, 'deleted', ${userId}::uuid
        from (values ${ids}) as v (id, record_id) join records r on r.id = v.record_id`.execute(trx);
      const perRecordset = new Map<string, number>();
      for (const r of rows) perRecordset.set(r.recordset_id, (perRecordset.get(r.recordset_id) ?? 0) + 1);
      for (const [recordsetId, n] of perRecordset) await adjustCount(trx, recordsetId, -n);
      await within?.(asEventTransaction(trx));
      return rows.map((r) => r.id);
    });
  }

  async history(ws: WorkspaceRef, recordId: string): Promise<RecordVersion[]> {
    const rows = await this.run(ws, (trx) =>
      trx.selectFrom("record_versions").selectAll().where("record_id", "=", recordId).orderBy("version", "desc").execute(),
    );
    return rows.map(toVersion);
  }

  async findVersion(ws: WorkspaceRef, recordId: string, versionId: string): Promise<RecordVersion | null> {
    const row = await this.run(ws, (trx) =>
      trx.selectFrom("record_versions").selectAll().where("record_id", "=", recordId).where("id", "=", versionId).executeTakeFirst(),
    );
    return row ? toVersion(row) : null;
  }

  async setToolStatus(ws: WorkspaceRef, id: string, tool: string, status: string | null, within?: Within): Promise<boolean> {
    return await this.run(ws, async (trx) => {
      const result = await trx
        .updateTable("records")
        .set({
          tool_statuses: status === null ? sql`tool_statuses - ${tool}::text` : sql`tool_statuses || jsonb_build_object(${tool}::text, ${status}::text)`,
          updated_at: sql`now()`,
        })
        .where("id", "=", id)
        .where("deleted_at", "is", null)
        .executeTakeFirst();
      const updated = Number(result.numUpdatedRows) > 0;
      if (updated) await within?.(asEventTransaction(trx));
      return updated;
    });
  }

  async listComments(ws: WorkspaceRef, recordId: string): Promise<RecordComment[]> {
    const rows = await this.run(ws, (trx) =>
      trx.selectFrom("record_comments").selectAll().where("record_id", "=", recordId).orderBy("created_at").orderBy("id").execute(),
    );
    return rows.map((r) => ({ id: r.id, recordId: r.record_id, authorId: r.author_id, content: r.content, createdAt: r.created_at, updatedAt: r.updated_at }));
  }

  async addComment(ws: WorkspaceRef, comment: Omit<RecordComment, "createdAt" | "updatedAt">, within?: Within): Promise<RecordComment> {
    return await this.run(ws, async (trx) => {
      const r = await trx
        .insertInto("record_comments")
        .values({ id: comment.id, record_id: comment.recordId, author_id: comment.authorId, content: comment.content })
        .returningAll()
        .executeTakeFirstOrThrow();
      await within?.(asEventTransaction(trx));
      return { id: r.id, recordId: r.record_id, authorId: r.author_id, content: r.content, createdAt: r.created_at, updatedAt: r.updated_at };
    });
  }

  async listRelationships(ws: WorkspaceRef, recordId: string): Promise<RecordRelationship[]> {
    const { rows } = await this.run(ws, (trx) =>
      sql<{ id: string; record_id: string; related_record_id: string; relationship_type: string; created_by: string | null; created_at: Date; direction: "outgoing" | "incoming"; related_title: string | null; related_recordset_id: string }>`
        select l.*, 'outgoing' as direction, o.title as related_title, o.recordset_id as related_recordset_id
        from record_relationships l join records o on o.id = l.related_record_id
        where l.record_id = ${recordId} and o.deleted_at is null
        union all
        select l.*, 'incoming', o.title, o.recordset_id
        from record_relationships l join records o on o.id = l.record_id
        where l.related_record_id = ${recordId} and o.deleted_at is null
        order by created_at, id`.execute(trx),
    );
    return rows.map((r) => ({
      id: r.id,
      recordId: r.record_id,
      relatedRecordId: r.related_record_id,
      relationshipType: r.relationship_type,
      createdBy: r.created_by,
      createdAt: asDate(r.created_at),
      direction: r.direction,
      relatedTitle: r.related_title,
      relatedRecordsetId: r.related_recordset_id,
    }));
  }

  async addRelationship(
    ws: WorkspaceRef,
    link: { id: string; recordId: string; relatedRecordId: string; relationshipType: string; createdBy: string | null },
    within?: Within,
  ): Promise<RecordRelationship> {
    try {
      return await this.run(ws, async (trx) => {
        const r = await trx
          .insertInto("record_relationships")
          .values({ id: link.id, record_id: link.recordId, related_record_id: link.relatedRecordId, relationship_type: link.relationshipType, created_by: link.createdBy })
          .returningAll()
          .executeTakeFirstOrThrow();
        const related = await trx.selectFrom("records").select(["title", "recordset_id"]).where("id", "=", link.relatedRecordId).executeTakeFirstOrThrow();
        await within?.(asEventTransaction(trx));
        return {
          id: r.id,
          recordId: r.record_id,
          relatedRecordId: r.related_record_id,
          relationshipType: r.relationship_type,
          createdBy: r.created_by,
          createdAt: r.created_at,
          direction: "outgoing" as const,
          relatedTitle: related.title,
          relatedRecordsetId: related.recordset_id,
        };
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new Conflict("these records are already linked with that relationship type");
      throw error;
    }
  }

  countForExport(ws: WorkspaceRef, query: ExportQuery): Promise<number> {
    return countExportRows(tenantDatabase(this.handle, ws.schemaName), query);
  }

  streamForExport(ws: WorkspaceRef, query: ExportQuery): AsyncIterable<ExportRow> {
    return streamExportRows(tenantDatabase(this.handle, ws.schemaName), query);
  }

  streamMap(ws: WorkspaceRef, query: MapQuery): AsyncIterable<string[]> {
    return streamMapFeatures(tenantDatabase(this.handle, ws.schemaName), query);
  }

  async spatialFilter(ws: WorkspaceRef, query: SpatialQuery): Promise<{ ids: string[]; truncated: boolean }> {
    return await this.run(ws, (trx) => spatialFilterIds(trx, query));
  }
}

function toVersion(r: { id: string; record_id: string; version: number; field_values: Record<string, unknown>; status: string; tags: string[]; change_type: RecordVersion["changeType"]; restored_from: number | null; changed_by: string | null; created_at: Date }): RecordVersion {
  return {
    id: r.id,
    recordId: r.record_id,
    version: r.version,
    fieldValues: r.field_values,
    status: r.status as RecordStatus,
    tags: r.tags,
    changeType: r.change_type,
    restoredFrom: r.restored_from,
    changedBy: r.changed_by,
    createdAt: r.created_at,
  };
}

function geometryRefused(error: unknown): Invalid {
  const reason = String((error as Error).message ?? "").replace(/^.*?:\s*/, "");
  return new Invalid("the geometry is not valid", [{ field: "field_values", message: `PostGIS refused the geometry (${reason || "not a valid shape"}); check for self-intersecting or unclosed rings` }]);
}
