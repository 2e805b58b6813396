import type { Actor } from "../auth/actor.ts";
import { Invalid, NotFound } from "../errors.ts";
import { recordEvent } from "../events/record-event.ts";
import { workspaceOf } from "../members/member-access.ts";
import { normaliseFieldSchema, titleField, type FieldDefinition, type FieldInput } from "./field-schema.ts";
import { checkGisSource } from "./gis-source.ts";
import { checkPromotedMapping, retainPromotedMapping } from "./promoted-mapping-change.ts";
import { defaultGisSource, promotedMappingFor, samePromotedMapping, type GisSource, type PromotedMapping } from "./promoted-columns.ts";
import { recordsetFor } from "./recordset-access.ts";
import type { RecordsetDeps } from "./recordset-deps.ts";
import type { RecordsetMode, RecordsetPatch, RecordsetRecord } from "./recordset-repository.ts";

export type RecordsetChanges = {
  name?: string | undefined;
  description?: string | null | undefined;
  type?: string | undefined;
  icon?: string | null | undefined;
  color?: string | null | undefined;
  fields?: FieldInput[] | undefined;
  settings?: Record<string, unknown> | undefined;
  mode?: RecordsetMode | undefined;
  /** null: the recordset has no geometry. */
  gis?: GisSource | null | undefined;
  promoted?: PromotedMapping | undefined;
  isActive?: boolean | undefined;
};

export type UpdateRecordsetInput = {
  ref: { id: string } | { slug: string };
  changes: RecordsetChanges;
  /**
   * `merge` (PATCH) changes only what is given. `replace` (PUT) takes the input as the whole
   * representation: whatever is left out goes back to its default (no description, type
   * `custom`, no fields, empty settings, promoted columns and GIS source from the schema).
   */
  mode: "merge" | "replace";
};

function gisKey(gis: GisSource | null): string {
  return JSON.stringify(gis);
}

function gisFits(fields: readonly FieldDefinition[], gis: GisSource): boolean {
  try {
    checkGisSource(fields, gis, "gis_source");
    return true;
  } catch {
    return false;
  }
}

/** The input with every property a replace leaves out set to its default. */
function asReplacement(changes: RecordsetChanges): RecordsetChanges {
  return {
    description: null,
    type: "custom",
    icon: null,
    color: null,
    fields: [],
    settings: {},
    isActive: true,
    ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)),
  };
}

/**
 * Changes a recordset. Requires `can_admin` on it. The slug never changes (bookmarks keep
 * working).
 *
 * A new `fields` schema is normalised like at creation. Then:
 * - the GIS source stays when it still fits the schema, else falls back to the default one
 *   (first geometry or lat/lng field), unless `gis` is given;
 * - promoted columns keep their fields where they still exist, and free slots are refilled,
 *   unless `promoted` is given (a replace recomputes them from the schema);
 * - when the promoted mapping, the GIS source or the title field changed, every record's
 *   derived columns are recomputed in the same transaction as the schema change.
 * Removing a field that records use is allowed: their values stay in `field_values` and in
 * the version history (a field re-added with the same key shows them again), but are no
 * longer validated, filtered or sorted on; a full replace of a record's values drops them.
 */
export async function updateRecordset(deps: RecordsetDeps, actor: Actor, input: UpdateRecordsetInput): Promise<RecordsetRecord> {
  const { recordset } = await recordsetFor(deps, actor, input.ref, "can_admin");
  const changes = input.mode === "replace" ? asReplacement(input.changes) : input.changes;
  const patch: RecordsetPatch = {};

  if (changes.name !== undefined) {
    const name = changes.name.trim();
    if (!name) throw new Invalid("the name must not be blank", [{ field: "name", message: "must not be blank" }]);
    patch.name = name;
  }
  if (changes.description !== undefined) patch.description = changes.description;
  if (changes.type !== undefined) patch.type = changes.type;
  if (changes.icon !== undefined) patch.icon = changes.icon;
  if (changes.color !== undefined) patch.color = changes.color;
  if (changes.settings !== undefined) patch.settings = changes.settings;
  if (changes.isActive !== undefined) patch.isActive = changes.isActive;

  const fields = changes.fields === undefined ? recordset.fields : normaliseFieldSchema(changes.fields);
  if (changes.fields !== undefined) patch.fields = fields;

  let gis = recordset.gis;
  if (changes.gis !== undefined) {
    if (changes.gis) checkGisSource(fields, changes.gis, "gis_source");
    gis = changes.gis;
  } else if (input.mode === "replace" || (changes.fields !== undefined && !(gis && gisFits(fields, gis)))) {
    gis = defaultGisSource(fields);
  }
  if (gisKey(gis) !== gisKey(recordset.gis)) patch.gis = gis;

  let promoted = recordset.promoted;
  if (changes.promoted !== undefined) {
    checkPromotedMapping(changes.promoted, fields, "promoted_fields");
    promoted = changes.promoted;
  } else if (input.mode === "replace") {
    promoted = promotedMappingFor(fields);
  } else if (changes.fields !== undefined) {
    promoted = retainPromotedMapping(recordset.promoted, fields);
  }
  if (!samePromotedMapping(promoted, recordset.promoted)) patch.promoted = promoted;

  const mode = changes.mode ?? (input.mode === "replace" ? (gis ? "map" : "table") : recordset.mode);
  if (changes.mode === "map" && !gis) {
    throw new Invalid("map mode needs a GIS source", [{ field: "mode", message: "the recordset has no geometry or lat/lng field to map" }]);
  }
  if (mode !== recordset.mode) patch.mode = mode;

  const resyncPromoted = patch.promoted !== undefined || patch.gis !== undefined || titleField(fields)?.key !== titleField(recordset.fields)?.key;
  const changed = Object.keys(patch);
  const updated = await deps.recordsets.update(workspaceOf(actor), recordset.id, patch, {
    resyncPromoted,
    within: async (transaction, after) => {
      await recordEvent(
        deps,
        actor,
        { type: "recordset.updated", entity: { type: "recordset", id: after.id, name: after.name }, metadata: { slug: after.slug, changed, resynced: resyncPromoted } },
        { transaction },
      );
    },
  });
  if (!updated) throw new NotFound("recordset", recordset.id);
  return updated;
}
