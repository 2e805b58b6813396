import type { Actor } from "../auth/actor.ts";
import { workspaceOf } from "../members/member-access.ts";
import { recordsetFor } from "./recordset-access.ts";
import type { RecordsetDeps } from "./recordset-deps.ts";

/**
 * Recomputes the title, promoted columns and geometry of every record of the recordset from
 * its values, in one UPDATE (after a change of mapping, or a bulk import that skipped them).
 * Requires `can_admin` on the recordset. Returns how many records were updated.
 */
export async function resyncRecordsetPromotedColumns(deps: RecordsetDeps, actor: Actor, input: { slug: string }): Promise<{ updated: number }> {
  const { recordset } = await recordsetFor(deps, actor, { slug: input.slug }, "can_admin");
  return { updated: await deps.recordsets.resyncPromoted(workspaceOf(actor), recordset.id) };
}
