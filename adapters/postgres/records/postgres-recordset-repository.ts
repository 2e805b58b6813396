import { sql, type Selectable, type Transaction } from "kysely";
import type { EventTransaction, InTransaction } from "../../../core/events/domain-event.ts";
import { Conflict } from "../../../core/errors.ts";
import type { JobTransaction } from "../../../core/ports/job-queue.ts";
import type { WorkspaceRef } from "../../../core/members/member-repository.ts";
import type { FieldDefinition } from "../../../core/recordsets/field-schema.ts";
import type { GisSource, PromotedMapping } from "../../../core/recordsets/promoted-columns.ts";
import {
  accessFlags,
  type AccessFlags,
  type AccessGrant,
  type NewRecordset,
  type PurgedRecordset,
  type RecordsetListQuery,
  type RecordsetPatch,
  type RecordsetRecord,
  type RecordsetRepository,
  type RecordsetView,
} from "../../../core/recordsets/recordset-repository.ts";
import { asEventTransaction } from "../events/postgres-event-recorder.ts";
import { asJobTransaction } from "../jobs/postgres-job-queue.ts";
import { jsonb } from "../jsonb.ts";
import { isUniqueViolation, likePattern } from "../members/postgres-member-repository.ts";
import type { DatabaseHandle } from "../open-database.ts";
import { tenantDatabase } from "../tenant-database.ts";
import type { RecordsetAccessTable, RecordsetsTable, RecordsetViewsTable, TenantDatabase } from "../tenant-schema.ts";
import { derivedAssignments } from "./derived-columns-sql.ts";

type Trx = Transaction<TenantDatabase>;

export function toRecordset(row: Selectable<RecordsetsTable>): RecordsetRecord {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    type: row.type,
    icon: row.icon,
    color: row.color,
    fields: row.fields as FieldDefinition[],
    settings: row.settings,
    mode: row.mode,
    promoted: row.promoted as PromotedMapping,
    gis: (row.gis as GisSource | null) ?? null,
    recordCount: row.record_count,
    isActive: row.is_active,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}

function toGrant(row: Selectable<RecordsetAccessTable>): AccessGrant {
  const flags = Object.fromEntries(accessFlags.map((f) => [f, row[f]])) as AccessFlags;
  return { id: row.id, recordsetId: row.recordset_id, memberId: row.member_id, teamId: row.team_id, flags, grantedBy: row.granted_by, createdAt: row.created_at };
}

function toView(row: Selectable<RecordsetViewsTable>): RecordsetView {
  return {
    id: row.id,
    recordsetId: row.recordset_id,
    name: row.name,
    type: row.type,
    config: row.config,
    isDefault: row.is_default,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function patchColumns(patch: RecordsetPatch) {
  return {
    ...(patch.name !== undefined ? { name: patch.name } : {}),
    ...(patch.description !== undefined ? { description: patch.description } : {}),
    ...(patch.type !== undefined ? { type: patch.type } : {}),
    ...(patch.icon !== undefined ? { icon: patch.icon } : {}),
    ...(patch.color !== undefined ? { color: patch.color } : {}),
    ...(patch.fields !== undefined ? { fields: jsonb(patch.fields) } : {}),
    ...(patch.settings !== undefined ? { settings: jsonb(patch.settings) } : {}),
    ...(patch.mode !== undefined ? { mode: patch.mode } : {}),
    ...(patch.promoted !== undefined ? { promoted: jsonb(patch.promoted) } : {}),
    ...(patch.gis !== undefined ? { gis: jsonb(patch.gis) } : {}),
    ...(patch.isActive !== undefined ? { is_active: patch.isActive } : {}),
  };
}

/** Recordsets, grants and views in the tenant schema, through the tenant role. */
export class PostgresRecordsetRepository implements RecordsetRepository {
  constructor(private readonly handle: DatabaseHandle) {}

  private run<T>(ws: WorkspaceRef, work: (trx: Trx) => Promise<T>): Promise<T> {
    return tenantDatabase(this.handle, ws.schemaName).transaction(work);
  }

  async slugsLike(ws: WorkspaceRef, base: string): Promise<string[]> {
    const rows = await this.run(ws, (trx) =>
      trx
        .selectFrom("recordsets")
        .select("slug")
        .where((eb) => eb.or([eb("slug", "=", base), eb("slug", "like", `${base.replace(/[\\%_]/g, (c) => `\\${c}`)}-%`)]))
        .execute(),
    );
    return rows.map((r) => r.slug);
  }

  async create(ws: WorkspaceRef, recordset: NewRecordset, within?: (tx: EventTransaction, created: RecordsetRecord, jobs: JobTransaction) => Promise<void>): Promise<RecordsetRecord> {
    try {
      return await this.run(ws, async (trx) => {
        const row = await trx
          .insertInto("recordsets")
          .values({
            id: recordset.id,
            slug: recordset.slug,
            name: recordset.name,
            description: recordset.description,
            type: recordset.type,
            icon: recordset.icon,
            color: recordset.color,
            fields: jsonb(recordset.fields),
            settings: jsonb(recordset.settings),
            mode: recordset.mode,
            promoted: jsonb(recordset.promoted),
            gis: jsonb(recordset.gis),
            created_by: recordset.createdBy,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        const created = toRecordset(row);
        await within?.(asEventTransaction(trx), created, asJobTransaction(trx));
        return created;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new Conflict(`the slug "${recordset.slug}" is taken`);
      throw error;
    }
  }

  async find(ws: WorkspaceRef, id: string, options: { trashed?: boolean } = {}): Promise<RecordsetRecord | null> {
    const row = await this.run(ws, (trx) =>
      trx
        .selectFrom("recordsets")
        .selectAll()
        .where("id", "=", id)
        .where("deleted_at", options.trashed ? "is not" : "is", null)
        .executeTakeFirst(),
    );
    return row ? toRecordset(row) : null;
  }

  async findBySlug(ws: WorkspaceRef, slug: string, options: { trashed?: boolean } = {}): Promise<RecordsetRecord | null> {
    const row = await this.run(ws, (trx) =>
      trx
        .selectFrom("recordsets")
        .selectAll()
        .where("slug", "=", slug)
        .where("deleted_at", options.trashed ? "is not" : "is", null)
        .executeTakeFirst(),
    );
    return row ? toRecordset(row) : null;
  }

  async list(ws: WorkspaceRef, query: RecordsetListQuery): Promise<{ items: RecordsetRecord[]; total: number }> {
    if (query.visible !== "all" && query.visible.length === 0) return { items: [], total: 0 };
    return await this.run(ws, async (trx) => {
      let base = trx.selectFrom("recordsets").where("deleted_at", query.trashed ? "is not" : "is", null);
      if (query.visible !== "all") base = base.where("id", "in", query.visible);
      if (query.search) {
        const pattern = likePattern(query.search);
        base = base.where((eb) => eb.or([eb("name", "ilike", pattern), eb("slug", "ilike", pattern), eb("description", "ilike", pattern)]));
      }
      if (query.type) base = base.where("type", "=", query.type);
      if (query.isActive !== undefined) base = base.where("is_active", "=", query.isActive);
      const { total } = await base.select(sql<number>`count(*)::int`.as("total")).executeTakeFirstOrThrow();
      const rows = await base
        .selectAll()
        .orderBy(query.trashed ? "deleted_at" : "name", query.trashed ? "desc" : "asc")
        .orderBy("id")
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize)
        .execute();
      return { items: rows.map(toRecordset), total };
    });
  }

  async update(
    ws: WorkspaceRef,
    id: string,
    patch: RecordsetPatch,
    options: { resyncPromoted?: boolean; within?: (tx: EventTransaction, updated: RecordsetRecord, jobs: JobTransaction) => Promise<void> } = {},
  ): Promise<RecordsetRecord | null> {
    return await this.run(ws, async (trx) => {
      const row = await trx
        .updateTable("recordsets")
        .set({ ...patchColumns(patch), updated_at: sql`now()` })
        .where("id", "=", id)
        .where("deleted_at", "is", null)
        .returningAll()
        .executeTakeFirst();
      if (!row) return null;
      const updated = toRecordset(row);
      if (options.resyncPromoted) await resync(trx, updated);
      await options.within?.(asEventTransaction(trx), updated, asJobTransaction(trx));
      return updated;
    });
  }

  async softDelete(ws: WorkspaceRef, id: string, within?: (tx: EventTransaction) => Promise<void>): Promise<boolean> {
    return await this.run(ws, async (trx) => {
      const row = await trx
        .updateTable("recordsets")
        .set({ is_active: false, deleted_at: sql`now()`, updated_at: sql`now()` })
        .where("id", "=", id)
        .where("deleted_at", "is", null)
        .returning("id")
        .executeTakeFirst();
      if (row) await within?.(asEventTransaction(trx));
      return row !== undefined;
    });
  }

  async restore(ws: WorkspaceRef, id: string, within?: (tx: EventTransaction) => Promise<void>): Promise<boolean> {
    return await this.run(ws, async (trx) => {
      const row = await trx
        .updateTable("recordsets")
        .set({ is_active: true, deleted_at: null, updated_at: sql`now()` })
        .where("id", "=", id)
        .where("deleted_at", "is not", null)
        .returning("id")
        .executeTakeFirst();
      if (row) await within?.(asEventTransaction(trx));
      return row !== undefined;
    });
  }

  async purge(ws: WorkspaceRef, id: string, within?: (tx: EventTransaction) => Promise<void>): Promise<PurgedRecordset | null> {
    return await this.run(ws, async (trx) => {
      // Read before the cascade takes the rows with it.
      const keys = await attachmentKeysOf(trx, [id]);
      const row = await trx.deleteFrom("recordsets").where("id", "=", id).returning("id").executeTakeFirst();
      if (!row) return null;
      await within?.(asEventTransaction(trx));
      return { id: row.id, attachmentKeys: keys.get(row.id) ?? [] };
    });
  }

  async purgeTrashedBefore(
    ws: WorkspaceRef,
    cutoff: Date,
    within?: (tx: EventTransaction, purged: Pick<RecordsetRecord, "id" | "slug" | "name" | "recordCount">[]) => Promise<void>,
  ): Promise<PurgedRecordset[]> {
    return await this.run(ws, async (trx) => {
      const expired = await trx.selectFrom("recordsets").select("id").where("deleted_at", "is not", null).where("deleted_at", "<", cutoff).forUpdate().execute();
      if (expired.length === 0) return [];
      const ids = expired.map((r) => r.id);
      const keys = await attachmentKeysOf(trx, ids);
      const rows = await trx.deleteFrom("recordsets").where("id", "in", ids).returning(["id", "slug", "name", "record_count"]).execute();
      if (rows.length > 0) await within?.(asEventTransaction(trx), rows.map((r) => ({ id: r.id, slug: r.slug, name: r.name, recordCount: r.record_count })));
      return rows.map((r) => ({ id: r.id, attachmentKeys: keys.get(r.id) ?? [] }));
    });
  }

  async syncCounts(ws: WorkspaceRef): Promise<{ recordsets: number; changed: number }> {
    return await this.run(ws, async (trx) => {
      // One UPDATE from an aggregate: no record is read into the process.
      const changed = await sql`
        update recordsets rs set record_count = coalesce(c.n, 0), updated_at = now()
        from recordsets r2
        left join (select recordset_id, count(*)::int as n from records where deleted_at is null group by recordset_id) c
          on c.recordset_id = r2.id
        where rs.id = r2.id and rs.record_count is distinct from coalesce(c.n, 0)`.execute(trx);
      const { total } = await trx.selectFrom("recordsets").select(sql<number>`count(*)::int`.as("total")).executeTakeFirstOrThrow();
      return { recordsets: total, changed: Number(changed.numAffectedRows ?? 0) };
    });
  }

  async resyncPromoted(ws: WorkspaceRef, id: string): Promise<number> {
    return await this.run(ws, async (trx) => {
      const row = await trx.selectFrom("recordsets").selectAll().where("id", "=", id).executeTakeFirst();
      return row ? await resync(trx, toRecordset(row)) : 0;
    });
  }

  async idsCreatedBy(ws: WorkspaceRef, userId: string): Promise<string[]> {
    const rows = await this.run(ws, (trx) => trx.selectFrom("recordsets").select("id").where("created_by", "=", userId).where("deleted_at", "is", null).execute());
    return rows.map((r) => r.id);
  }

  async grantsForUser(ws: WorkspaceRef, userId: string): Promise<Map<string, AccessFlags>> {
    const rows = await this.run(ws, (trx) =>
      trx
        .selectFrom("recordset_access as a")
        .select(["a.recordset_id", ...accessFlags.map((f) => sql<boolean>`bool_or(${sql.ref(`a.${f}`)})`.as(f))])
        .where((eb) =>
          eb.or([
            eb("a.member_id", "=", userId),
            eb("a.team_id", "in", eb.selectFrom("team_members").select("team_id").where("user_id", "=", userId)),
          ]),
        )
        .groupBy("a.recordset_id")
        .execute(),
    );
    return new Map(rows.map((r) => [r.recordset_id, Object.fromEntries(accessFlags.map((f) => [f, Boolean((r as Record<string, unknown>)[f])])) as AccessFlags]));
  }

  async listGrants(ws: WorkspaceRef, recordsetId: string): Promise<AccessGrant[]> {
    const rows = await this.run(ws, (trx) =>
      trx.selectFrom("recordset_access").selectAll().where("recordset_id", "=", recordsetId).orderBy("created_at").orderBy("id").execute(),
    );
    return rows.map(toGrant);
  }

  async upsertGrant(ws: WorkspaceRef, grant: AccessGrant, within?: InTransaction<AccessGrant>): Promise<AccessGrant> {
    return await this.run(ws, async (trx) => {
      const who = grant.memberId ? ({ column: "member_id", id: grant.memberId } as const) : ({ column: "team_id", id: grant.teamId! } as const);
      await trx.deleteFrom("recordset_access").where("recordset_id", "=", grant.recordsetId).where(who.column, "=", who.id).execute();
      const row = await trx
        .insertInto("recordset_access")
        .values({
          id: grant.id,
          recordset_id: grant.recordsetId,
          member_id: grant.memberId,
          team_id: grant.teamId,
          ...grant.flags,
          granted_by: grant.grantedBy,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      const saved = toGrant(row);
      await within?.(asEventTransaction(trx), saved);
      return saved;
    });
  }

  async revokeGrant(ws: WorkspaceRef, recordsetId: string, who: { memberId: string } | { teamId: string }, within?: InTransaction): Promise<boolean> {
    return await this.run(ws, async (trx) => {
      const query = trx.deleteFrom("recordset_access").where("recordset_id", "=", recordsetId);
      const result = await ("memberId" in who ? query.where("member_id", "=", who.memberId) : query.where("team_id", "=", who.teamId)).executeTakeFirst();
      const revoked = Number(result.numDeletedRows) > 0;
      if (revoked) await within?.(asEventTransaction(trx), undefined);
      return revoked;
    });
  }

  async listViews(ws: WorkspaceRef, recordsetId: string): Promise<RecordsetView[]> {
    const rows = await this.run(ws, (trx) =>
      trx.selectFrom("recordset_views").selectAll().where("recordset_id", "=", recordsetId).orderBy("created_at").orderBy("id").execute(),
    );
    return rows.map(toView);
  }

  async findView(ws: WorkspaceRef, recordsetId: string, viewId: string): Promise<RecordsetView | null> {
    const row = await this.run(ws, (trx) =>
      trx.selectFrom("recordset_views").selectAll().where("recordset_id", "=", recordsetId).where("id", "=", viewId).executeTakeFirst(),
    );
    return row ? toView(row) : null;
  }

  async createView(ws: WorkspaceRef, view: Omit<RecordsetView, "createdAt" | "updatedAt">, within?: InTransaction<RecordsetView>): Promise<RecordsetView> {
    return await this.run(ws, async (trx) => {
      // One default view per recordset: a new default takes the flag from the old one.
      if (view.isDefault) await trx.updateTable("recordset_views").set({ is_default: false }).where("recordset_id", "=", view.recordsetId).execute();
      const row = await trx
        .insertInto("recordset_views")
        .values({
          id: view.id,
          recordset_id: view.recordsetId,
          name: view.name,
          type: view.type,
          config: jsonb(view.config),
          is_default: view.isDefault,
          created_by: view.createdBy,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      const created = toView(row);
      await within?.(asEventTransaction(trx), created);
      return created;
    });
  }

  async updateView(
    ws: WorkspaceRef,
    recordsetId: string,
    viewId: string,
    patch: Partial<Pick<RecordsetView, "name" | "type" | "config" | "isDefault">>,
  ): Promise<RecordsetView | null> {
    return await this.run(ws, async (trx) => {
      if (patch.isDefault) {
        await trx.updateTable("recordset_views").set({ is_default: false }).where("recordset_id", "=", recordsetId).where("id", "<>", viewId).execute();
      }
      const row = await trx
        .updateTable("recordset_views")
        .set({
          ...(patch.name !== undefined ? { name: patch.name } : {}),
          ...(patch.type !== undefined ? { type: patch.type } : {}),
          ...(patch.config !== undefined ? { config: jsonb(patch.config) } : {}),
          ...(patch.isDefault !== undefined ? { is_default: patch.isDefault } : {}),
          updated_at: sql`now()`,
        })
        .where("recordset_id", "=", recordsetId)
        .where("id", "=", viewId)
        .returningAll()
        .executeTakeFirst();
      return row ? toView(row) : null;
    });
  }

  async deleteView(ws: WorkspaceRef, recordsetId: string, viewId: string): Promise<boolean> {
    const result = await this.run(ws, (trx) =>
      trx.deleteFrom("recordset_views").where("recordset_id", "=", recordsetId).where("id", "=", viewId).executeTakeFirst(),
    );
    return Number(result.numDeletedRows) > 0;
  }
}

/** Recomputes title, promoted columns and geometry of every record of `recordset` in one UPDATE. */
async function resync(trx: Trx, recordset: RecordsetRecord): Promise<number> {
  const result = await trx
    .updateTable("records")
    .set(derivedAssignments(recordset) as never)
    .where("recordset_id", "=", recordset.id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Storage keys of the attachments of every record (trashed ones too) of these recordsets, by recordset id. */
async function attachmentKeysOf(trx: Transaction<TenantDatabase>, recordsetIds: string[]): Promise<Map<string, string[]>> {
  const rows = await trx
    .selectFrom("record_attachments as a")
    .innerJoin("records as r", "r.id", "a.record_id")
    .select(["r.recordset_id", "a.storage_key"])
    .where("r.recordset_id", "in", recordsetIds)
    .execute();
  const keys = new Map<string, string[]>();
  for (const row of rows) keys.set(row.recordset_id, [...(keys.get(row.recordset_id) ?? []), row.storage_key]);
  return keys;
}
