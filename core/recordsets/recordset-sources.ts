import type { Actor } from "../auth/actor.ts";

/**
 * Something that owns recordsets which must exist while it is active, such as a connected
 * integration (a shop's orders, a CRM's contacts). Listing recordsets first asks each source
 * to create the ones it is missing, so a newly connected integration's data has a home
 * before anyone looks for it.
 *
 * No integration exists yet: the registry (`services.recordsetSources`) is empty today, and
 * the integrations section adds its sources there.
 */
export type RecordsetSource = {
  /** Who owns the recordsets, e.g. `shopify`; also their `type`. */
  name: string;
  /** Creates the recordsets this source needs in the actor's workspace and that do not exist yet. Idempotent. */
  ensureRecordsets(actor: Actor): Promise<void>;
};

export type RecordsetSourceDeps = { recordsetSources?: readonly RecordsetSource[] };

/** Lets every registered source create its missing recordsets, one after the other. */
export async function ensureSourceRecordsets(deps: RecordsetSourceDeps, actor: Actor): Promise<void> {
  for (const source of deps.recordsetSources ?? []) await source.ensureRecordsets(actor);
}
