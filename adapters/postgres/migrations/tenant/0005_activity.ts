import { sql } from "kysely";
import type { Migration } from "../migration.ts";

/**
 * The activity feed: one row per domain event (core/events/domain-event.ts), written by
 * the event recorder in the same transaction as the change it describes. `audience` is a
 * jsonb array of user ids (jsonb rather than uuid[]: postgres.js and PGlite bind arrays
 * differently, and `@>` on jsonb has a GIN operator class everywhere).
 * Indexes follow the feed's filters: newest first, by actor, by type, by text.
 */
export const migration: Migration = {
  name: "0005_activity",
  async up(db) {
    await db.schema
      .createTable("activity")
      .addColumn("id", "uuid", (c) => c.primaryKey())
      .addColumn("type", "text", (c) => c.notNull())
      .addColumn("actor_id", "uuid")
      .addColumn("entity_type", "text", (c) => c.notNull())
      .addColumn("entity_id", "text", (c) => c.notNull())
      .addColumn("entity_name", "text")
      .addColumn("metadata", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
      .addColumn("audience", "jsonb", (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
      .addColumn("occurred_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
      // Words of the entity name and of the type (`api_key.revoked` -> `api_key revoked`).
      .addColumn("search_vector", sql`tsvector`, (c) =>
        c.generatedAlwaysAs(sql`to_tsvector('simple'::regconfig, coalesce(entity_name, '') || ' ' || replace(type, '.', ' '))`).stored(),
      )
      .execute();
    await sql`create index activity_feed_idx on activity (occurred_at desc, id desc)`.execute(db);
    await sql`create index activity_actor_idx on activity (actor_id, occurred_at desc)`.execute(db);
    await sql`create index activity_type_idx on activity (type, occurred_at desc)`.execute(db);
    await sql`create index activity_search_idx on activity using gin (search_vector)`.execute(db);
    // "Events concerning me" (scope=mine).
    await sql`create index activity_audience_idx on activity using gin (audience jsonb_path_ops)`.execute(db);
  },
};
