import { sql } from "kysely";
import type { Migration } from "../migration.ts";

/**
 * Profile fields shown on a user's card (title, phone, bio). `full_name` and `avatar_url`
 * already exist; `avatar_url` holds either an external http(s) URL or an object-storage
 * key of an uploaded picture (served through a fresh signed URL).
 */
export const migration: Migration = {
  name: "0004_user_profile",
  async up(db) {
    await sql`alter table public.users add column title text, add column phone text, add column bio text`.execute(db);
  },
};
