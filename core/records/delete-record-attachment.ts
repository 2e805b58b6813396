import type { Actor } from "../auth/actor.ts";
import { NotFound } from "../errors.ts";
import { recordEvent } from "../events/record-event.ts";
import { workspaceOf } from "../members/member-access.ts";
import { recordFor } from "./record-access.ts";
import type { AttachmentDeps } from "./list-record-attachments.ts";

/**
 * Removes an attachment: the row (with its event, in one transaction), then the stored
 * object. Needs `can_edit` (or `can_edit_own`) on the record; 404 when the attachment is not
 * on that record. Should the object removal fail, the row is gone already and the file is
 * unreachable; storage lifecycle rules can sweep such leftovers.
 */
export async function deleteRecordAttachment(deps: AttachmentDeps, actor: Actor, input: { recordId: string; attachmentId: string }): Promise<void> {
  const { record, recordset } = await recordFor(deps, actor, input.recordId, "edit");
  const ws = workspaceOf(actor);
  const attachment = await deps.recordAttachments.find(ws, record.id, input.attachmentId);
  if (!attachment) throw new NotFound("attachment", input.attachmentId);
  const deleted = await deps.recordAttachments.delete(ws, record.id, attachment.id, async (transaction) => {
    await recordEvent(
      deps,
      actor,
      {
        type: "record.attachment_removed",
        entity: { type: "record", id: record.id, name: record.title },
        metadata: { recordset_id: recordset.id, attachment_id: attachment.id, file_name: attachment.fileName },
      },
      { transaction },
    );
  });
  if (!deleted) throw new NotFound("attachment", input.attachmentId);
  await deps.storage.delete(attachment.storageKey);
}
