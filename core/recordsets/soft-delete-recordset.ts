import type { Actor } from "../auth/actor.ts";
import { NotFound } from "../errors.ts";
import { recordEvent } from "../events/record-event.ts";
import { workspaceOf } from "../members/member-access.ts";
import { recordsetFor } from "./recordset-access.ts";
import type { RecordsetDeps } from "./recordset-deps.ts";

/** How long a trashed recordset is kept before the purge job deletes it for good. */
export const TRASH_RETENTION_DAYS = 30;

/**
 * Moves a recordset, with its records, to the trash (is_active=false, deleted_at=now).
 * Nothing is deleted: a workspace admin can restore it for 30 days. Requires `can_admin`.
 */
export async function softDeleteRecordset(deps: RecordsetDeps, actor: Actor, ref: { id: string } | { slug: string }): Promise<void> {
  const { recordset } = await recordsetFor(deps, actor, ref, "can_admin");
  const trashed = await deps.recordsets.softDelete(workspaceOf(actor), recordset.id, async (transaction) => {
    await recordEvent(
      deps,
      actor,
      { type: "recordset.deleted", entity: { type: "recordset", id: recordset.id, name: recordset.name }, metadata: { slug: recordset.slug, record_count: recordset.recordCount } },
      { transaction },
    );
  });
  if (!trashed) throw new NotFound("recordset", "slug" in ref ? ref.slug : ref.id);
}
