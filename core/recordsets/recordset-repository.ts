import type { EventTransaction, InTransaction } from "../events/domain-event.ts";
import type { JobTransaction } from "../ports/job-queue.ts";
import type { WorkspaceRef } from "../members/member-repository.ts";
import type { FieldDefinition } from "./field-schema.ts";
import type { GisSource, PromotedMapping } from "./promoted-columns.ts";

export type RecordsetMode = "table" | "map";

export type RecordsetRecord = {
  id: string;
  /** Generated from the name at creation; never changes (bookmarks keep working). */
  slug: string;
  name: string;
  description: string | null;
  /** Free-form kind: `custom`, `contacts`, `properties`, or an integration's name. */
  type: string;
  icon: string | null;
  color: string | null;
  fields: FieldDefinition[];
  settings: Record<string, unknown>;
  mode: RecordsetMode;
  promoted: PromotedMapping;
  gis: GisSource | null;
  /** Records not deleted; kept in step by every write, repaired by `syncCounts`. */
  recordCount: number;
  isActive: boolean;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
};

export type NewRecordset = Omit<RecordsetRecord, "recordCount" | "isActive" | "createdAt" | "updatedAt" | "deletedAt">;
export type RecordsetPatch = Partial<Pick<RecordsetRecord, "name" | "description" | "type" | "icon" | "color" | "fields" | "settings" | "mode" | "promoted" | "gis" | "isActive">>;

export const accessFlags = ["can_view", "can_create", "can_edit", "can_edit_own", "can_delete", "can_delete_own", "can_admin"] as const;
export type AccessFlag = (typeof accessFlags)[number];
export type AccessFlags = Record<AccessFlag, boolean>;

export type AccessGrant = {
  id: string;
  recordsetId: string;
  /** Exactly one of memberId (a user id) and teamId is set. */
  memberId: string | null;
  teamId: string | null;
  flags: AccessFlags;
  grantedBy: string | null;
  createdAt: Date;
};

export type RecordsetView = {
  id: string;
  recordsetId: string;
  name: string;
  type: string;
  config: Record<string, unknown>;
  isDefault: boolean;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
};

export type RecordsetListQuery = {
  page: number;
  pageSize: number;
  search?: string | undefined;
  type?: string | undefined;
  isActive?: boolean | undefined;
  /** `trashed` lists only soft-deleted recordsets; otherwise they are left out. */
  trashed?: boolean;
  /** Limit to these ids (what a member may see); `all` for admins. */
  visible: "all" | readonly string[];
};

/** Recordsets of one workspace with their access grants and saved views (tenant tables). */
/** A purged recordset, with the object-storage keys of its records' attachments. */
export type PurgedRecordset = { id: string; attachmentKeys: string[] };

export interface RecordsetRepository {
  /** Taken slugs equal to `base` or starting with `base-` (trashed ones included). */
  slugsLike(ws: WorkspaceRef, base: string): Promise<string[]>;
  /**
   * Throws `Conflict` when the slug is taken (a concurrent create); the caller retries.
   * `within` also gets the transaction as a `JobTransaction` (a job enqueued there exists only
   * if the recordset does, e.g. the import that fills it).
   */
  create(ws: WorkspaceRef, recordset: NewRecordset, within?: (tx: EventTransaction, created: RecordsetRecord, jobs: JobTransaction) => Promise<void>): Promise<RecordsetRecord>;
  find(ws: WorkspaceRef, id: string, options?: { trashed?: boolean }): Promise<RecordsetRecord | null>;
  findBySlug(ws: WorkspaceRef, slug: string, options?: { trashed?: boolean }): Promise<RecordsetRecord | null>;
  list(ws: WorkspaceRef, query: RecordsetListQuery): Promise<{ items: RecordsetRecord[]; total: number }>;
  /**
   * Applies `patch`; when `resyncPromoted` is set, recomputes every record's promoted
   * columns and geometry in the same transaction (the mapping or GIS source changed).
   * `within` also gets the transaction as a `JobTransaction`, so a job enqueued there
   * exists only if the update commits.
   */
  update(
    ws: WorkspaceRef,
    id: string,
    patch: RecordsetPatch,
    options?: { resyncPromoted?: boolean; within?: (tx: EventTransaction, updated: RecordsetRecord, jobs: JobTransaction) => Promise<void> },
  ): Promise<RecordsetRecord | null>;
  /** Moves to trash (is_active=false, deleted_at=now); false when not found or already trashed. */
  softDelete(ws: WorkspaceRef, id: string, within?: (tx: EventTransaction) => Promise<void>): Promise<boolean>;
  /** Takes out of trash; false when no trashed recordset has this id. */
  restore(ws: WorkspaceRef, id: string, within?: (tx: EventTransaction) => Promise<void>): Promise<boolean>;
  /**
   * Deletes the recordset and, by cascade, its records, versions, attachments rows, grants
   * and views. Returns the storage keys of the attachments that went with it (their objects
   * are the caller's to delete once this committed), or null when not found.
   */
  purge(ws: WorkspaceRef, id: string, within?: (tx: EventTransaction) => Promise<void>): Promise<PurgedRecordset | null>;
  /** Purges recordsets trashed before `cutoff`. `within` runs in the same transaction (events). */
  purgeTrashedBefore(ws: WorkspaceRef, cutoff: Date, within?: (tx: EventTransaction, purged: Pick<RecordsetRecord, "id" | "slug" | "name" | "recordCount">[]) => Promise<void>): Promise<PurgedRecordset[]>;
  /** Recomputes every recordset's record_count in one UPDATE; returns how many changed. */
  syncCounts(ws: WorkspaceRef): Promise<{ recordsets: number; changed: number }>;
  /** Recomputes promoted columns and geometry of every record of the recordset; returns rows updated. */
  resyncPromoted(ws: WorkspaceRef, id: string): Promise<number>;

  /** Ids of the (not trashed) recordsets the user created. */
  idsCreatedBy(ws: WorkspaceRef, userId: string): Promise<string[]>;
  /** The union of the user's grants (direct and through teams), per recordset id. */
  grantsForUser(ws: WorkspaceRef, userId: string): Promise<Map<string, AccessFlags>>;
  listGrants(ws: WorkspaceRef, recordsetId: string): Promise<AccessGrant[]>;
  /** Creates or replaces the grant of that member or team. */
  upsertGrant(ws: WorkspaceRef, grant: AccessGrant, within?: InTransaction<AccessGrant>): Promise<AccessGrant>;
  /** False when there was no such grant (`within` then does not run). */
  revokeGrant(ws: WorkspaceRef, recordsetId: string, who: { memberId: string } | { teamId: string }, within?: InTransaction): Promise<boolean>;

  listViews(ws: WorkspaceRef, recordsetId: string): Promise<RecordsetView[]>;
  findView(ws: WorkspaceRef, recordsetId: string, viewId: string): Promise<RecordsetView | null>;
  createView(ws: WorkspaceRef, view: Omit<RecordsetView, "createdAt" | "updatedAt">, within?: InTransaction<RecordsetView>): Promise<RecordsetView>;
  updateView(ws: WorkspaceRef, recordsetId: string, viewId: string, patch: Partial<Pick<RecordsetView, "name" | "type" | "config" | "isDefault">>): Promise<RecordsetView | null>;
  deleteView(ws: WorkspaceRef, recordsetId: string, viewId: string): Promise<boolean>;
}
