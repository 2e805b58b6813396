import type { Actor } from "../auth/actor.ts";
import { Invalid, NotFound } from "../errors.ts";
import { recordEvent } from "../events/record-event.ts";
import { workspaceOf } from "../members/member-access.ts";
import type { Job, JobQueue } from "../ports/job-queue.ts";
import { valueKindOf, type FieldDefinition } from "../recordsets/field-schema.ts";
import { checkGisSource } from "../recordsets/gis-source.ts";
import type { GisSource } from "../recordsets/promoted-columns.ts";
import { recordsetFor } from "../recordsets/recordset-access.ts";
import type { RecordsetDeps } from "../recordsets/recordset-deps.ts";
import type { RecordsetPatch, RecordsetRecord } from "../recordsets/recordset-repository.ts";
import { GEOCODE_JOB, type GeocodePayload, type GeocodeTarget } from "./geocode-job.ts";

export type StartGeocodingInput = {
  recordsetId: string;
  addressFields: string[];
  latField?: string | undefined;
  lngField?: string | undefined;
  overwrite?: boolean | undefined;
};

const invalid = (field: string, message: string): Invalid => new Invalid(message, [{ field, message }]);

/** Address fields must be text-like (text, select, email, url, phone). */
function checkAddressFields(recordset: RecordsetRecord, keys: readonly string[]): void {
  if (keys.length === 0) throw invalid("address_fields", "name at least one field to build the address from");
  const issues = keys.flatMap((key) => {
    const field = recordset.fields.find((f) => f.key === key);
    if (!field) return [{ field: "address_fields", message: `unknown field "${key}"` }];
    return valueKindOf(field.type) === "text" ? [] : [{ field: "address_fields", message: `field "${key}" is a ${field.type} field; use text-like fields` }];
  });
  if (issues.length) throw new Invalid(issues.map((i) => i.message).join("; "), issues);
}

const sameSource = (a: GisSource | null, b: GisSource): boolean => JSON.stringify(a) === JSON.stringify(b);

/** A field key for a new lat/lng field that the schema does not use yet. */
function freeKey(fields: readonly FieldDefinition[], base: string): string {
  for (let n = 1; ; n++) {
    const key = n === 1 ? base : `${base}_${n}`;
    if (!fields.some((f) => f.key === key)) return key;
  }
}

/**
 * Where coordinates go, and the schema change that needs (if any). The rule (create or
 * require): the target is always the recordset's GIS source, so the geometry written stays
 * what every later edit derives from the values.
 * - `lat_field` + `lng_field`: two number fields. With no GIS source yet they become it; with
 *   a different GIS source, 422.
 * - neither: the GIS source when it is a lat/lng field or two number fields; with none, a new
 *   lat/lng field `location` is added and made the source; with a geometry field, 422.
 */
export function geocodeTargetFor(recordset: RecordsetRecord, input: Pick<StartGeocodingInput, "latField" | "lngField">): { target: GeocodeTarget; patch: RecordsetPatch | null } {
  if ((input.latField === undefined) !== (input.lngField === undefined)) {
    throw invalid(input.latField === undefined ? "lat_field" : "lng_field", "give both lat_field and lng_field, or neither");
  }
  if (input.latField !== undefined && input.lngField !== undefined) {
    const source: GisSource = { kind: "lat_lng_fields", latField: input.latField, lngField: input.lngField };
    checkGisSource(recordset.fields, source, "lat_field");
    if (recordset.gis && !sameSource(recordset.gis, source)) {
      throw invalid("lat_field", "the recordset's map location comes from other fields; geocode into its GIS source (omit lat_field/lng_field)");
    }
    return { target: source, patch: recordset.gis ? null : { gis: source } };
  }
  const gis = recordset.gis;
  if (gis?.kind === "lat_lng") return { target: gis, patch: null };
  if (gis?.kind === "lat_lng_fields") return { target: gis, patch: null };
  if (gis?.kind === "geometry") throw invalid("lat_field", `the recordset's geometry comes from the geometry field "${gis.field}"; geocoding writes points into a lat/lng field or two number fields`);
  const key = freeKey(recordset.fields, "location");
  const field: FieldDefinition = { key, name: key === "location" ? "Location" : `Location ${key.slice("location_".length)}`, type: "lat_lng" };
  const target: GeocodeTarget = { kind: "lat_lng", field: key };
  return { target, patch: { fields: [...recordset.fields, field], gis: target } };
}

/**
 * `startGeocodingJob`: queues `recordsets.geocode` for a recordset the actor can edit (404 when
 * it does not exist, 403 without `can_edit`). The address fields are checked (422), the target
 * resolved (see {@link geocodeTargetFor}); a schema change it needs is made in the same
 * transaction as the enqueue, with its `recordset.updated` event.
 */
export async function startGeocodingJob(deps: RecordsetDeps & { jobs: JobQueue }, actor: Actor, input: StartGeocodingInput): Promise<{ job: Job; recordset: RecordsetRecord; target: GeocodeTarget }> {
  const { recordset } = await recordsetFor(deps, actor, { id: input.recordsetId }, "can_edit");
  const addressFields = [...new Set(input.addressFields)];
  checkAddressFields(recordset, addressFields);
  const { target, patch } = geocodeTargetFor(recordset, input);
  const ws = workspaceOf(actor);
  const enqueueInput = {
    type: GEOCODE_JOB,
    workspaceId: ws.id,
    createdBy: actor.userId,
    payload: {
      workspaceId: ws.id,
      schemaName: ws.schemaName,
      userId: actor.userId,
      recordsetId: recordset.id,
      addressFields,
      target,
      overwrite: input.overwrite ?? false,
      fileName: recordset.name,
    } satisfies GeocodePayload,
  };
  if (!patch) return { job: await deps.jobs.enqueue(enqueueInput), recordset, target };

  let job: Job | undefined;
  // Two number fields that become the source may hold coordinates already: their geometry is derived at once.
  const updated = await deps.recordsets.update(ws, recordset.id, patch, {
    resyncPromoted: target.kind === "lat_lng_fields",
    within: async (transaction, changed, jobs) => {
      job = await deps.jobs.enqueue(enqueueInput, { transaction: jobs });
      await recordEvent(
        deps,
        actor,
        { type: "recordset.updated", entity: { type: "recordset", id: changed.id, name: changed.name }, metadata: { changes: Object.keys(patch), gis_source: target, reason: "geocoding", job_id: job.id } },
        { transaction },
      );
    },
  });
  if (!updated || !job) throw new NotFound("recordset", input.recordsetId);
  return { job, recordset: updated, target };
}
