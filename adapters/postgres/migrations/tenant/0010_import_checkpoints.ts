import { sql } from "kysely";
import type { Migration } from "../migration.ts";

/**
 * Import checkpoints (core/imports/record-bulk-writer.ts): how far each import job got,
 * written in the same transaction as every batch of records it imports. A retried attempt
 * skips every file row up to `last_row_number`, so a crash never duplicates or loses rows.
 * The running job's live counts (shown by the job routes) are read from here too. The job
 * itself lives in the platform queue (`public.jobs`), hence no foreign key.
 */
export const migration: Migration = {
  name: "0010_import_checkpoints",
  async up(db) {
    await sql`
      create table import_checkpoints (
        job_id uuid primary key,
        recordset_id uuid references recordsets (id) on delete cascade,
        rows_done integer not null default 0,
        last_row_number integer not null default 0,
        imported integer not null default 0,
        rejected integer not null default 0,
        total_rows integer,
        updated_at timestamptz not null default now()
      )`.execute(db);
  },
};
