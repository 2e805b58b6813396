import type { EventRecorder } from "../events/domain-event.ts";
import type { WorkspaceRef } from "../members/member-repository.ts";
import type { Logger } from "../ports/logger.ts";
import type { ObjectStorage } from "../ports/object-storage.ts";
import { removeObjects } from "../storage/remove-objects.ts";
import type { RecordsetRepository } from "./recordset-repository.ts";
import { TRASH_RETENTION_DAYS } from "./soft-delete-recordset.ts";

export type PurgeExpiredTrashDeps = { recordsets: RecordsetRepository; events: EventRecorder; storage: ObjectStorage; logger?: Logger; now(): Date };

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Deletes for good the workspace's recordsets trashed more than `TRASH_RETENTION_DAYS` ago,
 * with their records, recording a `recordset.purged` event (by the system: no actor) for
 * each in the same transaction; then deletes their records' attachment files from storage.
 * Returns the purged ids. Safe to run again.
 */
export async function purgeExpiredTrash(deps: PurgeExpiredTrashDeps, ws: WorkspaceRef): Promise<string[]> {
  const cutoff = new Date(deps.now().getTime() - TRASH_RETENTION_DAYS * DAY_MS);
  const purged = await deps.recordsets.purgeTrashedBefore(ws, cutoff, async (transaction, purged) => {
    for (const recordset of purged) {
      await deps.events.record(
        {
          workspaceId: ws.id,
          type: "recordset.purged",
          actorId: null,
          entity: { type: "recordset", id: recordset.id, name: recordset.name },
          metadata: { slug: recordset.slug, record_count: recordset.recordCount, reason: `in the trash for more than ${TRASH_RETENTION_DAYS} days` },
        },
        { transaction },
      );
    }
  });
  await removeObjects(deps.storage, purged.flatMap((p) => p.attachmentKeys), deps.logger);
  return purged.map((p) => p.id);
}
