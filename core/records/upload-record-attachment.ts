import type { Actor } from "../auth/actor.ts";
import { recordEvent } from "../events/record-event.ts";
import { newId } from "../ids.ts";
import { workspaceOf } from "../members/member-access.ts";
import { recordFor } from "./record-access.ts";
import { checkAttachment } from "./record-attachment-files.ts";
import { toAttachmentJson, type AttachmentDeps, type RecordAttachmentJson } from "./list-record-attachments.ts";

export type UploadAttachmentInput = {
  recordId: string;
  file: { name: string; type: string; size: number; bytes: Uint8Array };
  /** RECORD_ATTACHMENT_MAX_BYTES. */
  maxBytes: number;
};

/**
 * Stores a file and links it to the record. Needs `can_edit` (or `can_edit_own` on one's
 * own record). 413 above the size limit, 415 for a type off the allow-list. The object is
 * written first, under `workspaces/<ws>/records/<record>/attachments/<id>/<name>`; if the row
 * cannot be written the object is removed again, so no orphan is left behind.
 */
export async function uploadRecordAttachment(deps: AttachmentDeps, actor: Actor, input: UploadAttachmentInput): Promise<RecordAttachmentJson> {
  const { record, recordset } = await recordFor(deps, actor, input.recordId, "edit");
  const { contentType, fileName } = checkAttachment(input.file, input.maxBytes);
  const ws = workspaceOf(actor);
  const id = newId();
  const storageKey = `workspaces/${ws.id}/records/${record.id}/attachments/${id}/${fileName}`;
  const stored = await deps.storage.put(storageKey, input.file.bytes, { contentType });
  try {
    const attachment = await deps.recordAttachments.create(
      ws,
      { id, recordId: record.id, fileName, contentType, sizeBytes: stored.size, storageKey, uploadedBy: actor.userId },
      async (transaction) => {
        await recordEvent(
          deps,
          actor,
          {
            type: "record.attachment_added",
            entity: { type: "record", id: record.id, name: record.title },
            metadata: { recordset_id: recordset.id, attachment_id: id, file_name: fileName, size_bytes: stored.size },
          },
          { transaction },
        );
      },
    );
    return await toAttachmentJson(deps, attachment);
  } catch (error) {
    await deps.storage.delete(storageKey).catch(() => undefined);
    throw error;
  }
}
