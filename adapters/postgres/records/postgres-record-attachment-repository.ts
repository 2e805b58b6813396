import { sql } from "kysely";
import type { WorkspaceRef } from "../../../core/members/member-repository.ts";
import type { RecordAttachment, RecordAttachmentRepository } from "../../../core/records/record-attachment-repository.ts";
import type { Within } from "../../../core/records/record-repository.ts";
import { asEventTransaction } from "../events/postgres-event-recorder.ts";
import type { DatabaseHandle } from "../open-database.ts";
import { tenantDatabase } from "../tenant-database.ts";

type AttachmentRow = {
  id: string;
  record_id: string;
  file_name: string;
  content_type: string;
  size_bytes: number | string | bigint;
  storage_key: string;
  uploaded_by: string | null;
  created_at: Date | string;
};

// size_bytes is bigint: postgres.js returns int8 as a string, PGlite as a number.
const COLUMNS = sql`id, record_id, file_name, content_type, size_bytes::int8 as size_bytes, storage_key, uploaded_by, created_at`;

function toAttachment(r: AttachmentRow): RecordAttachment {
  return {
    id: r.id,
    recordId: r.record_id,
    fileName: r.file_name,
    contentType: r.content_type,
    sizeBytes: Number(r.size_bytes),
    storageKey: r.storage_key,
    uploadedBy: r.uploaded_by,
    createdAt: r.created_at instanceof Date ? r.created_at : new Date(r.created_at),
  };
}

/** Record attachments in the tenant schema. */
export class PostgresRecordAttachmentRepository implements RecordAttachmentRepository {
  constructor(private readonly handle: DatabaseHandle) {}

  private db(ws: WorkspaceRef) {
    return tenantDatabase(this.handle, ws.schemaName);
  }

  async list(ws: WorkspaceRef, recordId: string): Promise<RecordAttachment[]> {
    const { rows } = await this.db(ws).transaction((trx) =>
      sql<AttachmentRow>`select ${COLUMNS} from record_attachments where record_id = ${recordId} order by created_at, id`.execute(trx),
    );
    return rows.map(toAttachment);
  }

  async find(ws: WorkspaceRef, recordId: string, id: string): Promise<RecordAttachment | null> {
    const { rows } = await this.db(ws).transaction((trx) =>
      sql<AttachmentRow>`select ${COLUMNS} from record_attachments where record_id = ${recordId} and id = ${id}`.execute(trx),
    );
    return rows[0] ? toAttachment(rows[0]) : null;
  }

  async create(ws: WorkspaceRef, a: Omit<RecordAttachment, "createdAt">, within?: Within): Promise<RecordAttachment> {
    return await this.db(ws).transaction(async (trx) => {
      const { rows } = await sql<AttachmentRow>`
        insert into record_attachments (id, record_id, file_name, content_type, size_bytes, storage_key, uploaded_by)
        values (${a.id}, ${a.recordId}, ${a.fileName}, ${a.contentType}, ${a.sizeBytes}, ${a.storageKey}, ${a.uploadedBy})
        returning ${COLUMNS}`.execute(trx);
      await within?.(asEventTransaction(trx));
      return toAttachment(rows[0]!);
    });
  }

  async delete(ws: WorkspaceRef, recordId: string, id: string, within?: Within): Promise<boolean> {
    return await this.db(ws).transaction(async (trx) => {
      const result = await trx.deleteFrom("record_attachments").where("record_id", "=", recordId).where("id", "=", id).executeTakeFirst();
      const deleted = Number(result.numDeletedRows) > 0;
      if (deleted) await within?.(asEventTransaction(trx));
      return deleted;
    });
  }
}
