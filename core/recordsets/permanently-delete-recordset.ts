import type { Actor } from "../auth/actor.ts";
import { NotFound } from "../errors.ts";
import { recordEvent } from "../events/record-event.ts";
import { workspaceOf } from "../members/member-access.ts";
import type { Logger } from "../ports/logger.ts";
import type { ObjectStorage } from "../ports/object-storage.ts";
import { removeObjects } from "../storage/remove-objects.ts";
import { requireWorkspaceAdmin } from "./recordset-access.ts";
import type { RecordsetDeps } from "./recordset-deps.ts";

/**
 * Deletes a trashed recordset for good: its records, versions, comments, grants and views go
 * with it (foreign key cascades). Only what is in the trash can be purged, so a live
 * recordset always passes through the trash first. Workspace admins and owners only. The
 * records' attachment files are deleted from storage once the purge committed.
 */
export async function permanentlyDeleteRecordset(deps: RecordsetDeps & { storage: ObjectStorage; logger?: Logger }, actor: Actor, input: { slug: string }): Promise<void> {
  requireWorkspaceAdmin(actor);
  const ws = workspaceOf(actor);
  const trashed = await deps.recordsets.findBySlug(ws, input.slug, { trashed: true });
  if (!trashed) throw new NotFound("trashed recordset", input.slug);
  const purged = await deps.recordsets.purge(ws, trashed.id, async (transaction) => {
    await recordEvent(
      deps,
      actor,
      { type: "recordset.purged", entity: { type: "recordset", id: trashed.id, name: trashed.name }, metadata: { slug: trashed.slug, record_count: trashed.recordCount } },
      { transaction },
    );
  });
  if (!purged) throw new NotFound("trashed recordset", input.slug);
  await removeObjects(deps.storage, purged.attachmentKeys, deps.logger);
}
