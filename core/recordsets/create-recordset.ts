import type { Actor } from "../auth/actor.ts";
import { Conflict, Invalid } from "../errors.ts";
import { recordEvent } from "../events/record-event.ts";
import { newId } from "../ids.ts";
import type { JobTransaction } from "../ports/job-queue.ts";
import { workspaceOf } from "../members/member-access.ts";
import { authorize } from "../permissions/authorize.ts";
import { normaliseFieldSchema, type FieldInput } from "./field-schema.ts";
import { checkGisSource } from "./gis-source.ts";
import { defaultGisSource, promotedMappingFor, type GisSource } from "./promoted-columns.ts";
import type { RecordsetDeps } from "./recordset-deps.ts";
import type { RecordsetMode, RecordsetRecord } from "./recordset-repository.ts";
import { RESERVED_SLUGS, SLUG_PATTERN, slugify, uniqueSlug } from "./recordset-slug.ts";

export type CreateRecordsetInput = {
  name: string;
  slug?: string | undefined;
  description?: string | null | undefined;
  type?: string | undefined;
  icon?: string | null | undefined;
  color?: string | null | undefined;
  fields?: FieldInput[] | undefined;
  settings?: Record<string, unknown> | undefined;
  mode?: RecordsetMode | undefined;
  gis?: GisSource | null | undefined;
};

const ATTEMPTS = 5;

/**
 * Creates a recordset in the actor's workspace. Requires `can_create_recordset`. The slug
 * comes from `slug` or the name; a taken one gets `-2`, `-3`... (a reserved word too). The
 * promoted columns and the GIS source follow the field schema. Two creates racing for one
 * slug: the loser sees the unique violation and takes the next number.
 */
export async function createRecordset(
  deps: RecordsetDeps,
  actor: Actor,
  input: CreateRecordsetInput,
  options: { within?: (created: RecordsetRecord, jobs: JobTransaction) => Promise<void> } = {},
): Promise<RecordsetRecord> {
  await authorize(deps, actor, "can_create_recordset");
  const ws = workspaceOf(actor);
  const name = input.name.trim();
  if (!name) throw new Invalid("the name must not be blank", [{ field: "name", message: "must not be blank" }]);
  if (input.slug !== undefined && !SLUG_PATTERN.test(input.slug)) {
    throw new Invalid("the slug is invalid", [{ field: "slug", message: "must be lower kebab case: letters, digits and single hyphens" }]);
  }
  const fields = normaliseFieldSchema(input.fields ?? []);
  const gis = input.gis === undefined ? defaultGisSource(fields) : input.gis;
  if (gis) checkGisSource(fields, gis, "gis");
  const base = input.slug ?? slugify(name);
  for (let attempt = 1; ; attempt++) {
    const slug = uniqueSlug(base, new Set(await deps.recordsets.slugsLike(ws, base)));
    if (RESERVED_SLUGS.has(slug)) continue;
    try {
      return await deps.recordsets.create(
        ws,
        {
          id: newId(),
          slug,
          name,
          description: input.description ?? null,
          type: input.type ?? "custom",
          icon: input.icon ?? null,
          color: input.color ?? null,
          fields,
          settings: input.settings ?? {},
          mode: input.mode ?? (gis ? "map" : "table"),
          promoted: promotedMappingFor(fields),
          gis,
          createdBy: actor.userId,
        },
        async (transaction, created, jobs) => {
          await recordEvent(deps, actor, { type: "recordset.created", entity: { type: "recordset", id: created.id, name: created.name }, metadata: { slug } }, { transaction });
          // E.g. the import that fills the new recordset: queued only if the recordset commits.
          await options.within?.(created, jobs);
        },
      );
    } catch (error) {
      if (!(error instanceof Conflict) || attempt >= ATTEMPTS) throw error;
    }
  }
}
