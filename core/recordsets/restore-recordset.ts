import type { Actor } from "../auth/actor.ts";
import { NotFound } from "../errors.ts";
import { recordEvent } from "../events/record-event.ts";
import { workspaceOf } from "../members/member-access.ts";
import { requireWorkspaceAdmin } from "./recordset-access.ts";
import type { RecordsetDeps } from "./recordset-deps.ts";
import type { RecordsetRecord } from "./recordset-repository.ts";

/**
 * Takes a recordset out of the trash (is_active=true, deleted_at cleared), records and all.
 * Its slug was kept reserved while trashed, so it comes back under the same one. Workspace
 * admins and owners only; 404 when no trashed recordset has the slug.
 */
export async function restoreRecordset(deps: RecordsetDeps, actor: Actor, input: { slug: string }): Promise<RecordsetRecord> {
  requireWorkspaceAdmin(actor);
  const ws = workspaceOf(actor);
  const trashed = await deps.recordsets.findBySlug(ws, input.slug, { trashed: true });
  if (!trashed) throw new NotFound("trashed recordset", input.slug);
  const restored = await deps.recordsets.restore(ws, trashed.id, async (transaction) => {
    await recordEvent(deps, actor, { type: "recordset.restored", entity: { type: "recordset", id: trashed.id, name: trashed.name }, metadata: { slug: trashed.slug } }, { transaction });
  });
  const recordset = restored ? await deps.recordsets.find(ws, trashed.id) : null;
  if (!recordset) throw new NotFound("trashed recordset", input.slug);
  return recordset;
}
