import { sql } from "kysely";
import type { Migration } from "../migration.ts";

/** Workspace-wide settings, one jsonb value per key. */
export const migration: Migration = {
  name: "0001_settings",
  async up(db) {
    await db.schema
      .createTable("settings")
      .addColumn("key", "text", (c) => c.primaryKey())
      .addColumn("value", "jsonb", (c) => c.notNull())
      .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
      .execute();
  },
};
