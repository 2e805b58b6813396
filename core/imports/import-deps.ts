import type { Actor } from "../auth/actor.ts";
import { Forbidden } from "../errors.ts";
import type { EventDeps } from "../events/record-event.ts";
import type { PermissionOverrides } from "../permissions/authorize.ts";
import type { JobQueue } from "../ports/job-queue.ts";
import type { Mailer } from "../ports/mailer.ts";
import type { ObjectStorage } from "../ports/object-storage.ts";
import type { TabularFileReader } from "../ports/tabular-file-reader.ts";
import type { RecordsetRepository } from "../recordsets/recordset-repository.ts";
import type { RecordBulkWriter } from "./record-bulk-writer.ts";

/** Ports the import use-cases draw from (the app's `Services` satisfies it). */
export type ImportDeps = EventDeps & {
  storage: ObjectStorage;
  tabularFiles: TabularFileReader;
  jobs: JobQueue;
  recordsets: RecordsetRepository;
  permissionOverrides: PermissionOverrides;
  importWriter: RecordBulkWriter;
  mailer: Mailer;
  now(): Date;
};

/** Viewers never write: uploading a file to import is the first step of a write. */
export function requireImportWriter(actor: Actor): void {
  if (actor.workspace?.role === "viewer") throw new Forbidden("viewers cannot import data");
}

/** How long signed URLs of the section (upload, report, download) stay valid. */
export const IMPORT_URL_TTL_SECONDS = 3600;
