import type { RecordRecord } from "./record-repository.ts";
import type { Geometry } from "./geometry.ts";

/** A record as the API shows it (snake_case JSON). */
export type RecordJson = {
  id: string;
  recordset_id: string;
  field_values: Record<string, unknown>;
  title: string | null;
  status: RecordRecord["status"];
  tags: string[];
  tool_statuses: Record<string, string>;
  group_id: string | null;
  version: number;
  /** False once the record is deleted (the current row is always the latest version). */
  is_latest: boolean;
  geometry: Geometry | null;
  created_by: string | null;
  updated_by: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
};

/** The record's JSON; with `fields`, `field_values` keeps only those keys (a projection). */
export function toRecordJson(r: RecordRecord, fields?: readonly string[]): RecordJson {
  const values = fields ? Object.fromEntries(fields.filter((k) => k in r.fieldValues).map((k) => [k, r.fieldValues[k]])) : r.fieldValues;
  return {
    id: r.id,
    recordset_id: r.recordsetId,
    field_values: values,
    title: r.title,
    status: r.status,
    tags: r.tags,
    tool_statuses: r.toolStatuses,
    group_id: r.groupId,
    version: r.version,
    is_latest: r.status !== "deleted",
    geometry: r.geometry,
    created_by: r.createdBy,
    updated_by: r.updatedBy,
    created_at: r.createdAt.toISOString(),
    updated_at: r.updatedAt.toISOString(),
    deleted_at: r.deletedAt?.toISOString() ?? null,
  };
}
