import { sql } from "kysely";
import type { Migration } from "../migration.ts";

/**
 * Notifications (one row per recipient of a domain event), per-user channel preferences
 * (v1 rows: one per event type and channel) and per-user settings (email delivery mode,
 * digest frequency, muted event types). Written in the transaction that records the event.
 */
export const migration: Migration = {
  name: "0006_notifications",
  async up(db) {
    await db.schema
      .createTable("notifications")
      .addColumn("id", "uuid", (c) => c.primaryKey())
      .addColumn("user_id", "uuid", (c) => c.notNull())
      .addColumn("event_id", "uuid")
      .addColumn("type", "text", (c) => c.notNull())
      .addColumn("title", "text", (c) => c.notNull())
      .addColumn("body", "text")
      .addColumn("actor_id", "uuid")
      .addColumn("entity_type", "text")
      .addColumn("entity_id", "text")
      .addColumn("entity_name", "text")
      .addColumn("data", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
      .addColumn("read_at", "timestamptz")
      .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
      // True when the recipient wants this by email; emailed_at is set once it went out.
      .addColumn("email_wanted", "boolean", (c) => c.notNull().defaultTo(false))
      .addColumn("emailed_at", "timestamptz")
      .execute();
    // The inbox (newest first) and the unread badge.
    await sql`create index notifications_user_created_idx on notifications (user_id, created_at desc, id desc)`.execute(db);
    await sql`create index notifications_user_unread_idx on notifications (user_id) where read_at is null`.execute(db);
    // The digest job's queue: wanted by email, not sent yet.
    await sql`create index notifications_email_pending_idx on notifications (user_id, created_at) where email_wanted and emailed_at is null`.execute(db);

    await db.schema
      .createTable("notification_preferences")
      .addColumn("id", "uuid", (c) => c.primaryKey())
      .addColumn("user_id", "uuid", (c) => c.notNull())
      .addColumn("event_type", "text", (c) => c.notNull())
      .addColumn("channel", "text", (c) => c.notNull().check(sql`channel in ('in_app', 'email', 'whatsapp')`))
      .addColumn("enabled", "boolean", (c) => c.notNull())
      .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
      .addUniqueConstraint("notification_preferences_user_type_channel_key", ["user_id", "event_type", "channel"])
      .execute();
    // "Who subscribed to this event type" when an event fans out.
    await db.schema.createIndex("notification_preferences_event_type_idx").on("notification_preferences").column("event_type").execute();

    await db.schema
      .createTable("notification_settings")
      .addColumn("user_id", "uuid", (c) => c.primaryKey())
      .addColumn("email_delivery_mode", "text", (c) => c.notNull().defaultTo("instant").check(sql`email_delivery_mode in ('instant', 'digest')`))
      .addColumn("digest_frequency_minutes", "integer", (c) => c.notNull().defaultTo(30).check(sql`digest_frequency_minutes in (30, 60)`))
      .addColumn("muted_event_types", "jsonb", (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
      .addColumn("last_digest_at", "timestamptz")
      .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
      .execute();
  },
};
