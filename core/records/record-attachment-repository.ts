import type { WorkspaceRef } from "../members/member-repository.ts";
import type { Within } from "./record-repository.ts";

/** A file linked to a record; the bytes live in object storage under `storageKey`. */
export type RecordAttachment = {
  id: string;
  recordId: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  storageKey: string;
  uploadedBy: string | null;
  createdAt: Date;
};

/** Attachment rows of one workspace (the `record_attachments` tenant table). */
export interface RecordAttachmentRepository {
  /** The record's attachments, oldest first. */
  list(ws: WorkspaceRef, recordId: string): Promise<RecordAttachment[]>;
  /** The attachment when it belongs to that record, else null. */
  find(ws: WorkspaceRef, recordId: string, id: string): Promise<RecordAttachment | null>;
  create(ws: WorkspaceRef, attachment: Omit<RecordAttachment, "createdAt">, within?: Within): Promise<RecordAttachment>;
  /** Removes the row; false when it was not there. */
  delete(ws: WorkspaceRef, recordId: string, id: string, within?: Within): Promise<boolean>;
}
