import { sql } from "kysely";
import type { Migration } from "../migration.ts";

/**
 * The staff user behind an impersonation session, kept on each of its refresh tokens so
 * a refreshed access token still says `typ: "impersonation"` and `act: <staff id>`.
 */
export const migration: Migration = {
  name: "0007_refresh_token_impersonator",
  async up(db) {
    await sql`alter table public.refresh_tokens add column impersonator_id uuid references public.users (id) on delete cascade`.execute(db);
  },
};
