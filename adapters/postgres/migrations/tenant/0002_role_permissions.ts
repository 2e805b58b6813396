import { sql } from "kysely";
import type { Migration } from "../migration.ts";

/**
 * Per-role overrides of the default permission grants (core/permissions/catalog.ts).
 * A missing row means "the default"; resetting a role deletes its rows.
 */
export const migration: Migration = {
  name: "0002_role_permissions",
  async up(db) {
    await db.schema
      .createTable("role_permissions")
      .addColumn("role", "text", (c) => c.notNull().check(sql`role in ('admin', 'member', 'viewer')`))
      .addColumn("permission", "text", (c) => c.notNull())
      .addColumn("allowed", "boolean", (c) => c.notNull())
      .addColumn("updated_by", "uuid")
      .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
      .addPrimaryKeyConstraint("role_permissions_pkey", ["role", "permission"])
      .execute();
  },
};
