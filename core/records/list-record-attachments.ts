import type { Actor } from "../auth/actor.ts";
import type { EventDeps } from "../events/record-event.ts";
import { workspaceOf } from "../members/member-access.ts";
import type { ObjectStorage } from "../ports/object-storage.ts";
import { recordFor } from "./record-access.ts";
import type { RecordAttachment, RecordAttachmentRepository } from "./record-attachment-repository.ts";
import type { RecordDeps } from "./record-deps.ts";

/** How long a download URL in a response stays valid. */
export const ATTACHMENT_URL_TTL_SECONDS = 3600;

export type AttachmentDeps = RecordDeps & EventDeps & { recordAttachments: RecordAttachmentRepository; storage: ObjectStorage };

export type RecordAttachmentJson = {
  id: string;
  record_id: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
  uploaded_by: string | null;
  created_at: string;
  download_url: string;
  expires_in: number;
};

/** The attachment's JSON with a freshly signed download URL (stored URLs would expire). */
export async function toAttachmentJson(deps: Pick<AttachmentDeps, "storage">, a: RecordAttachment): Promise<RecordAttachmentJson> {
  return {
    id: a.id,
    record_id: a.recordId,
    file_name: a.fileName,
    content_type: a.contentType,
    size_bytes: a.sizeBytes,
    uploaded_by: a.uploadedBy,
    created_at: a.createdAt.toISOString(),
    download_url: await deps.storage.signedDownloadUrl(a.storageKey, ATTACHMENT_URL_TTL_SECONDS),
    expires_in: ATTACHMENT_URL_TTL_SECONDS,
  };
}

/** A record's attachments, oldest first, each with a download URL. Needs `can_view`. */
export async function listRecordAttachments(deps: AttachmentDeps, actor: Actor, input: { recordId: string }): Promise<{ items: RecordAttachmentJson[]; total: number }> {
  const { record } = await recordFor(deps, actor, input.recordId, "view");
  const attachments = await deps.recordAttachments.list(workspaceOf(actor), record.id);
  const items = await Promise.all(attachments.map((a) => toAttachmentJson(deps, a)));
  return { items, total: items.length };
}
