import type { Actor } from "../auth/actor.ts";
import { Invalid, NotFound } from "../errors.ts";
import { recordEvent } from "../events/record-event.ts";
import { workspaceOf } from "../members/member-access.ts";
import type { Job, JobQueue } from "../ports/job-queue.ts";
import { checkGisSource } from "./gis-source.ts";
import type { GisSource } from "./promoted-columns.ts";
import { recordsetFor } from "./recordset-access.ts";
import type { RecordsetDeps } from "./recordset-deps.ts";
import { RECORDSETS_GIS_BACKFILL_JOB, toGisBackfillPayload } from "./recordset-map-backfill.ts";
import type { RecordsetRecord } from "./recordset-repository.ts";

/** Where the map's points or shapes come from: two number fields, or one lat/lng or geometry field. */
export type MapModeMapping = { latField: string; lngField: string } | { field: string };

export type EnableMapModeInput = { recordsetId: string; mapping: MapModeMapping };

/** The GIS source a mapping names: a single field's kind is its type (lat_lng or geometry). */
export function gisSourceFor(recordset: Pick<RecordsetRecord, "fields">, mapping: MapModeMapping): GisSource {
  if ("latField" in mapping) {
    const source: GisSource = { kind: "lat_lng_fields", latField: mapping.latField, lngField: mapping.lngField };
    checkGisSource(recordset.fields, source, "lat_field");
    return source;
  }
  const field = recordset.fields.find((f) => f.key === mapping.field);
  if (!field) throw new Invalid(`unknown field "${mapping.field}"`, [{ field: "field", message: `unknown field "${mapping.field}"` }]);
  if (field.type !== "lat_lng" && field.type !== "geometry") {
    throw new Invalid(`field "${field.key}" is a ${field.type} field`, [{ field: "field", message: `field "${field.key}" is a ${field.type} field; use a lat_lng or geometry field, or lat_field and lng_field` }]);
  }
  return { kind: field.type, field: field.key };
}

/**
 * Turns on map mode: stores the GIS source, sets the mode to `map` and queues
 * `recordsets.gis-backfill` in the same transaction (no update without its job, no job
 * without its update), which fills the geometry of existing records in batches; records
 * written from now on get theirs on write. Requires `can_admin` on the recordset.
 */
export async function enableRecordsetMapMode(
  deps: RecordsetDeps & { jobs: JobQueue },
  actor: Actor,
  input: EnableMapModeInput,
): Promise<{ recordset: RecordsetRecord; job: Job }> {
  const { recordset } = await recordsetFor(deps, actor, { id: input.recordsetId }, "can_admin");
  const gis = gisSourceFor(recordset, input.mapping);
  const ws = workspaceOf(actor);
  let job: Job | undefined;
  const updated = await deps.recordsets.update(ws, recordset.id, { gis, mode: "map" }, {
    within: async (transaction, changed, jobs) => {
      job = await deps.jobs.enqueue(
        { type: RECORDSETS_GIS_BACKFILL_JOB, workspaceId: ws.id, createdBy: actor.userId, payload: toGisBackfillPayload(ws, changed.id) },
        { transaction: jobs },
      );
      await recordEvent(
        deps,
        actor,
        { type: "recordset.map_enabled", entity: { type: "recordset", id: changed.id, name: changed.name }, metadata: { gis_source: gis, job_id: job.id } },
        { transaction },
      );
    },
  });
  if (!updated || !job) throw new NotFound("recordset", input.recordsetId);
  return { recordset: updated, job };
}
