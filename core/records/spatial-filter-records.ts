import type { Actor } from "../auth/actor.ts";
import { Invalid } from "../errors.ts";
import { workspaceOf } from "../members/member-access.ts";
import { recordsetFor } from "../recordsets/recordset-access.ts";
import type { RecordsetRecord } from "../recordsets/recordset-repository.ts";
import type { RecordDeps } from "./record-deps.ts";
import { parseRecordFilters } from "./record-filters.ts";
import type { SpatialOperation } from "./record-repository.ts";

export const SPATIAL_LIMIT_DEFAULT = 10_000;
export const SPATIAL_LIMIT_MAX = 100_000;
export const BUFFER_METERS_MAX = 1_000_000;

/** Each filter in the record-filters grammar: JSON text, or the already-parsed list/object. */
export type SourceFilters = { column_filters?: unknown; numeric_filters?: unknown; date_filters?: unknown };

export type SpatialFilterInput = {
  sourceRecordsetId: string;
  targetRecordsetId: string;
  operation: SpatialOperation;
  bufferMeters?: number | undefined;
  sourceFilters?: SourceFilters | undefined;
  limit?: number | undefined;
};

export type SpatialFilterResult = { recordIds: string[]; count: number; truncated: boolean; operation: SpatialOperation };

/** A JSON body carries filters as lists/objects; the grammar's parser reads JSON text. */
function asFilterText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === "string" ? value : JSON.stringify(value);
}

function requireGeometry(recordset: RecordsetRecord, field: string): void {
  if (!recordset.gis) {
    throw new Invalid(`the recordset "${recordset.slug}" has no geometry`, [{ field, message: `recordset "${recordset.slug}" has no geometry or lat/lng field` }]);
  }
}

/**
 * Ids of the target recordset's records related to the geometries of the source recordset's
 * records (optionally pre-filtered on the source schema): `intersects`, `within`,
 * `within_distance` (`buffer_meters` required, geography metres) or `exclude` (targets related
 * to no source geometry). For the other operations a `buffer_meters` grows the source
 * geometries first. Needs `can_view` on both recordsets; ids come in id order, at most `limit`.
 */
export async function spatialFilterRecords(deps: RecordDeps, actor: Actor, input: SpatialFilterInput): Promise<SpatialFilterResult> {
  const meters = input.bufferMeters;
  if (meters !== undefined && (!Number.isFinite(meters) || meters < 0 || meters > BUFFER_METERS_MAX)) {
    throw new Invalid("buffer_meters is out of range", [{ field: "buffer_meters", message: `must be between 0 and ${BUFFER_METERS_MAX}` }]);
  }
  if (input.operation === "within_distance" && !(meters !== undefined && meters > 0)) {
    throw new Invalid("within_distance needs buffer_meters", [{ field: "buffer_meters", message: "within_distance needs a search radius greater than 0 metres" }]);
  }
  const limit = input.limit ?? SPATIAL_LIMIT_DEFAULT;
  if (!Number.isInteger(limit) || limit < 1 || limit > SPATIAL_LIMIT_MAX) {
    throw new Invalid("limit is out of range", [{ field: "limit", message: `must be a whole number from 1 to ${SPATIAL_LIMIT_MAX}` }]);
  }
  const { recordset: source } = await recordsetFor(deps, actor, { id: input.sourceRecordsetId }, "can_view");
  const { recordset: target } = await recordsetFor(deps, actor, { id: input.targetRecordsetId }, "can_view");
  requireGeometry(source, "source_recordset_id");
  requireGeometry(target, "target_recordset_id");
  const f = input.sourceFilters ?? {};
  let sourceFilters;
  try {
    sourceFilters = parseRecordFilters(
      { columnFilters: asFilterText(f.column_filters), numericFilters: asFilterText(f.numeric_filters), dateFilters: asFilterText(f.date_filters) },
      { fields: source.fields, promoted: source.promoted },
    );
  } catch (error) {
    // Name the body member the issue is in.
    if (error instanceof Invalid) throw new Invalid(error.message, error.issues.map((i) => ({ ...i, field: `source_filters.${i.field}` })));
    throw error;
  }
  const { ids, truncated } = await deps.records.spatialFilter(workspaceOf(actor), {
    sourceRecordsetId: source.id,
    targetRecordsetId: target.id,
    operation: input.operation,
    bufferMeters: meters,
    sourceFilters,
    limit,
  });
  return { recordIds: ids, count: ids.length, truncated, operation: input.operation };
}
