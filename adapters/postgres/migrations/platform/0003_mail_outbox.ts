import { sql } from "kysely";
import type { Migration } from "../migration.ts";

/**
 * The mail outbox: every message the embedded mailer "sends" (no SMTP configured),
 * kept so developers and tests can read sign-up links and invitations. Listing reads
 * newest first, so created_at is indexed (ids are UUIDv7, which also sort by time).
 */
export const migration: Migration = {
  name: "0003_mail_outbox",
  async up(db) {
    await sql`
      create table public.mail_outbox (
        id uuid primary key,
        to_addresses jsonb not null,
        from_address text not null,
        reply_to text,
        subject text not null,
        text_body text not null,
        html_body text,
        created_at timestamptz not null default now()
      )`.execute(db);
    await sql`create index mail_outbox_created_idx on public.mail_outbox (created_at desc)`.execute(db);
  },
};
