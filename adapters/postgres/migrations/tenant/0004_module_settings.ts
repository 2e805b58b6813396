import { sql } from "kysely";
import type { Migration } from "../migration.ts";

/**
 * Per-workspace module switches and settings (core/modules/module-catalog.ts).
 * A module without a row runs with its defaults; names are checked in code, so
 * adding a module needs no migration.
 */
export const migration: Migration = {
  name: "0004_module_settings",
  async up(db) {
    await db.schema
      .createTable("module_settings")
      .addColumn("module", "text", (c) => c.primaryKey())
      .addColumn("enabled", "boolean", (c) => c.notNull().defaultTo(true))
      .addColumn("settings", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
      .addColumn("updated_by", "uuid")
      .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
      .execute();
  },
};
