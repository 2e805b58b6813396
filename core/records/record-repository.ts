import type { EventTransaction } from "../events/domain-event.ts";
import type { WorkspaceRef } from "../members/member-repository.ts";
import type { DerivedColumns } from "../recordsets/promoted-columns.ts";
import type { Geometry, GeometryType } from "./geometry.ts";
import type { FieldRef, RecordFilter } from "./record-filters.ts";
import type { FieldValues } from "./record-values.ts";

export type RecordStatus = "active" | "archived" | "deleted";

export type RecordRecord = {
  id: string;
  recordsetId: string;
  fieldValues: FieldValues;
  title: string | null;
  status: RecordStatus;
  tags: string[];
  /** Per tool (e.g. `prospecting`), the record's status in that tool's view. */
  toolStatuses: Record<string, string>;
  groupId: string | null;
  /** 1 at creation, +1 on every change; the history holds each version. */
  version: number;
  geometry: Geometry | null;
  createdBy: string | null;
  updatedBy: string | null;
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
};

export type ChangeType = "created" | "updated" | "restored" | "deleted";

export type RecordVersion = {
  id: string;
  recordId: string;
  version: number;
  fieldValues: FieldValues;
  status: RecordStatus;
  tags: string[];
  changeType: ChangeType;
  /** For `restored`: the version whose values were brought back. */
  restoredFrom: number | null;
  changedBy: string | null;
  createdAt: Date;
};

export type NewRecord = {
  id: string;
  recordsetId: string;
  fieldValues: FieldValues;
  derived: DerivedColumns;
  status: RecordStatus;
  tags: string[];
  toolStatuses: Record<string, string>;
  groupId: string | null;
  createdBy: string | null;
};

/** A change that becomes the next version. */
export type RecordChange = {
  fieldValues: FieldValues;
  derived: DerivedColumns;
  status: RecordStatus;
  tags: string[];
  changeType: ChangeType;
  restoredFrom?: number;
  userId: string | null;
};

export type RecordSort = { ref: FieldRef; order: "asc" | "desc" };

export type RecordListQuery = {
  /** Recordsets to read from: one, the caller's visible ones, or all (admins). */
  recordsets: "all" | readonly string[];
  page: number;
  pageSize: number;
  search?: string | undefined;
  /** Without a status, deleted records are left out. */
  status?: RecordStatus | undefined;
  /** Records carrying every one of these tags. */
  tags?: string[] | undefined;
  filters: RecordFilter[];
  sort?: RecordSort | undefined;
  tool?: string | undefined;
  /** With `tool`: leave out records the tool only recommended (status `recommended`). */
  excludeRecommendation?: boolean | undefined;
  groupId?: string | undefined;
};

export type MapQuery = {
  recordsetId: string;
  bbox?: [number, number, number, number] | undefined;
  geometryTypes?: GeometryType[] | undefined;
  filters: RecordFilter[];
  /** Field keys copied into each feature. */
  fields: string[];
  limit?: number | undefined;
};

/** What an export reads: one recordset, the record-list filters. */
export type ExportQuery = {
  recordsetId: string;
  search?: string | undefined;
  /** Without a status, deleted records are left out. */
  status?: RecordStatus | undefined;
  tags?: string[] | undefined;
  filters: RecordFilter[];
};

/** One record as an export writes it: values plus the geometry as GeoJSON text (never parsed). */
export type ExportRow = {
  id: string;
  title: string | null;
  fieldValues: FieldValues;
  status: RecordStatus;
  tags: string[];
  /** GeoJSON text of `promoted_gis_1`, or null. */
  geometry: string | null;
  createdAt: Date;
  updatedAt: Date;
};

/** One line of the map stream (JSON keys as written). `lat`/`lng` only for points. */
export type MapFeature = {
  id: string;
  title: string | null;
  geometry: Geometry;
  geometry_type: GeometryType;
  fields: Record<string, unknown>;
  lat?: number;
  lng?: number;
};

export type SpatialOperation = "intersects" | "within" | "within_distance" | "exclude";

export type SpatialQuery = {
  sourceRecordsetId: string;
  targetRecordsetId: string;
  operation: SpatialOperation;
  bufferMeters?: number | undefined;
  sourceFilters: RecordFilter[];
  /** Stop after this many matches. */
  limit: number;
};

export type RecordComment = { id: string; recordId: string; authorId: string | null; content: string; createdAt: Date; updatedAt: Date };

export type RecordRelationship = {
  id: string;
  recordId: string;
  relatedRecordId: string;
  relationshipType: string;
  createdBy: string | null;
  createdAt: Date;
  /** Seen from the asking record: `outgoing` when it is `recordId`. */
  direction: "outgoing" | "incoming";
  relatedTitle: string | null;
  relatedRecordsetId: string;
};

/** Called inside the write's transaction (record the domain event there). */
export type Within = (tx: EventTransaction) => Promise<void>;

/**
 * Records of one workspace with their versions, comments and relationships. Every write
 * keeps `recordsets.record_count` right in the same transaction.
 */
export interface RecordRepository {
  find(ws: WorkspaceRef, id: string, options?: { includeDeleted?: boolean }): Promise<RecordRecord | null>;
  /** The (not deleted) records among `ids`, in no particular order; missing ids are left out. */
  findMany(ws: WorkspaceRef, ids: readonly string[]): Promise<RecordRecord[]>;
  /**
   * A page and the total. Adapters may cap the exact count (Postgres: 10,000) and return an
   * estimate past it, flagged by `totalIsEstimate`.
   */
  list(ws: WorkspaceRef, query: RecordListQuery): Promise<{ items: RecordRecord[]; total: number; totalIsEstimate?: boolean }>;
  /** Inserts the record and its version 1. */
  create(ws: WorkspaceRef, record: NewRecord, within?: Within): Promise<RecordRecord>;
  /**
   * Applies `change` as version `expectedVersion + 1`; null when the record is gone.
   * Throws `Conflict` when another write got there first (the version moved on).
   */
  update(ws: WorkspaceRef, id: string, expectedVersion: number, change: RecordChange, within?: Within): Promise<RecordRecord | null>;
  /** Soft delete (status deleted, deleted_at set, a `deleted` version); false when not found. */
  softDelete(ws: WorkspaceRef, id: string, userId: string | null, within?: Within): Promise<boolean>;
  /** Soft-deletes the listed records (or every record of a recordset); returns the ids deleted. */
  softDeleteMany(ws: WorkspaceRef, target: { ids: readonly string[] } | { recordsetId: string }, userId: string | null, within?: Within): Promise<string[]>;
  history(ws: WorkspaceRef, recordId: string): Promise<RecordVersion[]>;
  findVersion(ws: WorkspaceRef, recordId: string, versionId: string): Promise<RecordVersion | null>;
  /** Sets (status) or clears (null) the record's status in a tool; false when not found. */
  setToolStatus(ws: WorkspaceRef, id: string, tool: string, status: string | null, within?: Within): Promise<boolean>;

  listComments(ws: WorkspaceRef, recordId: string): Promise<RecordComment[]>;
  addComment(ws: WorkspaceRef, comment: Omit<RecordComment, "createdAt" | "updatedAt">, within?: Within): Promise<RecordComment>;

  listRelationships(ws: WorkspaceRef, recordId: string): Promise<RecordRelationship[]>;
  /** Throws `Conflict` when the same link exists. */
  addRelationship(
    ws: WorkspaceRef,
    link: { id: string; recordId: string; relatedRecordId: string; relationshipType: string; createdBy: string | null },
    within?: Within,
  ): Promise<RecordRelationship>;

  /**
   * Features of a recordset with geometry, read through a cursor (constant memory), each
   * already a JSON object text shaped as {@link MapFeature}: the database builds the JSON,
   * so geometries are never parsed and re-serialised in the process (the map stream's cost).
   * Yields batches of lines (one per database fetch, never empty): per-line async hops
   * were half the stream's time.
   */
  streamMap(ws: WorkspaceRef, query: MapQuery): AsyncIterable<string[]>;
  /** How many records an export of `query` writes (for its progress). */
  countForExport(ws: WorkspaceRef, query: ExportQuery): Promise<number>;
  /** The records of `query` in id order, through a database cursor (constant memory). */
  streamForExport(ws: WorkspaceRef, query: ExportQuery): AsyncIterable<ExportRow>;
  /** Ids of target records related to the (filtered) source records' geometries. */
  spatialFilter(ws: WorkspaceRef, query: SpatialQuery): Promise<{ ids: string[]; truncated: boolean }>;
}
