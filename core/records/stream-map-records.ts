import type { Actor } from "../auth/actor.ts";
import { Invalid } from "../errors.ts";
import { workspaceOf } from "../members/member-access.ts";
import { recordsetFor } from "../recordsets/recordset-access.ts";
import { geometryTypes, parseBbox, type GeometryType } from "./geometry.ts";
import { checkProjection } from "./list-records.ts";
import type { RecordDeps } from "./record-deps.ts";
import { parseRecordFilters } from "./record-filters.ts";

/** The largest `limit` a map stream accepts (without one the stream is uncapped). */
export const MAP_LIMIT_MAX = 1_000_000;

export type StreamMapRecordsInput = {
  recordsetId: string;
  /** `minLng,minLat,maxLng,maxLat` */
  bbox?: string | undefined;
  limit?: number | undefined;
  /** Field keys copied into each feature's `fields`. */
  fields?: string[] | undefined;
  /** GeoJSON type names (case-insensitive). */
  geometryTypes?: string[] | undefined;
  columnFilters?: string | undefined;
  numericFilters?: string | undefined;
};

/** The stream's last line. */
export type MapStreamMeta = { __meta__: { count: number; truncated: boolean } };

function parseGeometryTypes(names: string[] | undefined): GeometryType[] | undefined {
  if (!names?.length) return undefined;
  const byLower = new Map(geometryTypes.map((t) => [t.toLowerCase(), t]));
  const unknown = names.filter((n) => !byLower.has(n.toLowerCase()));
  if (unknown.length) {
    throw new Invalid(`unknown geometry type(s): ${unknown.join(", ")}`, [
      { field: "geometry_types", message: `unknown geometry type(s) ${unknown.join(", ")}; use ${geometryTypes.join(", ")}` },
    ]);
  }
  return [...new Set(names.map((n) => byLower.get(n.toLowerCase())!))];
}

/**
 * A recordset's features for a map, as JSON lines (one feature each, shaped as
 * `MapFeature`), then `{"__meta__": {"count", "truncated"}}`. Everything is checked before
 * the first line (403 without `can_view`, 422 for a bad bbox, limit, field, geometry type or
 * filter), so the caller can still answer with an error status. The features come from a
 * database cursor pulled as the caller iterates: stop iterating and the cursor closes.
 * With a limit, one feature more is read to know whether the limit cut the result.
 */
export async function streamMapRecords(deps: RecordDeps, actor: Actor, input: StreamMapRecordsInput): Promise<AsyncIterable<string[]>> {
  const { recordset } = await recordsetFor(deps, actor, { id: input.recordsetId }, "can_view");
  let bbox: [number, number, number, number] | undefined;
  if (input.bbox !== undefined) {
    const parsed = parseBbox(input.bbox);
    if ("problem" in parsed) throw new Invalid(`bbox: ${parsed.problem}`, [{ field: "bbox", message: parsed.problem }]);
    bbox = parsed.bbox;
  }
  const limit = input.limit;
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1 || limit > MAP_LIMIT_MAX)) {
    throw new Invalid("limit is out of range", [{ field: "limit", message: `must be a whole number from 1 to ${MAP_LIMIT_MAX}` }]);
  }
  checkProjection(recordset, input.fields);
  const types = parseGeometryTypes(input.geometryTypes);
  const filters = parseRecordFilters({ columnFilters: input.columnFilters, numericFilters: input.numericFilters }, { fields: recordset.fields, promoted: recordset.promoted });
  const features = deps.records.streamMap(workspaceOf(actor), {
    recordsetId: recordset.id,
    bbox,
    geometryTypes: types,
    filters,
    fields: input.fields ?? [],
    limit: limit === undefined ? undefined : limit + 1,
  });

  return (async function* batches(): AsyncGenerator<string[]> {
    let count = 0;
    let truncated = false;
    for await (const lines of features) {
      const room = limit === undefined ? lines.length : limit - count;
      if (lines.length > room) {
        truncated = true;
        if (room > 0) yield lines.slice(0, room);
        count += Math.max(room, 0);
        break;
      }
      count += lines.length;
      yield lines;
    }
    const meta: MapStreamMeta = { __meta__: { count, truncated } };
    yield [JSON.stringify(meta)];
  })();
}
