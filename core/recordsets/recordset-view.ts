import type { FieldDefinition } from "./field-schema.ts";
import type { AccessFlags, AccessGrant, RecordsetRecord, RecordsetView } from "./recordset-repository.ts";

/** A recordset as the API shows it (snake_case JSON). */
export type RecordsetJson = {
  id: string;
  slug: string;
  name: string;
  description: string | null;
  type: string;
  icon: string | null;
  color: string | null;
  fields: FieldJson[];
  settings: Record<string, unknown>;
  mode: "table" | "map";
  promoted_fields: { text: string[]; number: string[]; date: string[] };
  gis_source: { kind: string; field?: string; lat_field?: string; lng_field?: string } | null;
  record_count: number;
  is_active: boolean;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
};

export type FieldJson = {
  key: string;
  name: string;
  type: FieldDefinition["type"];
  required: boolean;
  options?: FieldDefinition["options"];
  currency?: string;
  relation_recordset_id?: string;
  is_primary: boolean;
};

export function toFieldJson(f: FieldDefinition): FieldJson {
  return {
    key: f.key,
    name: f.name,
    type: f.type,
    required: f.required ?? false,
    ...(f.options ? { options: f.options } : {}),
    ...(f.currency ? { currency: f.currency } : {}),
    ...(f.relationRecordsetId ? { relation_recordset_id: f.relationRecordsetId } : {}),
    is_primary: f.isPrimary ?? false,
  };
}

export function toRecordsetJson(r: RecordsetRecord): RecordsetJson {
  const gis = r.gis
    ? r.gis.kind === "lat_lng_fields"
      ? { kind: r.gis.kind, lat_field: r.gis.latField, lng_field: r.gis.lngField }
      : { kind: r.gis.kind, field: r.gis.field }
    : null;
  return {
    id: r.id,
    slug: r.slug,
    name: r.name,
    description: r.description,
    type: r.type,
    icon: r.icon,
    color: r.color,
    fields: r.fields.map(toFieldJson),
    settings: r.settings,
    mode: r.mode,
    promoted_fields: r.promoted,
    gis_source: gis,
    record_count: r.recordCount,
    is_active: r.isActive,
    created_by: r.createdBy,
    created_at: r.createdAt.toISOString(),
    updated_at: r.updatedAt.toISOString(),
    deleted_at: r.deletedAt?.toISOString() ?? null,
  };
}

export function toGrantJson(g: AccessGrant) {
  return {
    id: g.id,
    recordset_id: g.recordsetId,
    member_id: g.memberId,
    team_id: g.teamId,
    ...g.flags,
    granted_by: g.grantedBy,
    created_at: g.createdAt.toISOString(),
  };
}

export function toViewJson(v: RecordsetView) {
  return {
    id: v.id,
    recordset_id: v.recordsetId,
    name: v.name,
    type: v.type,
    config: v.config,
    is_default: v.isDefault,
    created_by: v.createdBy,
    created_at: v.createdAt.toISOString(),
    updated_at: v.updatedAt.toISOString(),
  };
}

export type AccessFlagsJson = AccessFlags;
