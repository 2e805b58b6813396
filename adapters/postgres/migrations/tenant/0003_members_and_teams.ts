import { sql } from "kysely";
import type { Migration } from "../migration.ts";

/**
 * The workspace-specific side of membership. `public.workspace_members` stays the source of
 * truth for who belongs and with which role; `members` holds what only this workspace knows
 * about them (profile fields, avatar, onboarding tours), keyed by the user's id.
 * Teams nest through `parent_team_id`; cycles are refused in code (core/teams).
 */
export const migration: Migration = {
  name: "0003_members_and_teams",
  async up(db) {
    await db.schema
      .createTable("members")
      .addColumn("user_id", "uuid", (c) => c.primaryKey())
      .addColumn("display_name", "text")
      .addColumn("title", "text")
      .addColumn("department", "text")
      .addColumn("phone", "text")
      .addColumn("avatar_key", "text")
      .addColumn("tours", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
      .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn("deleted_at", "timestamptz")
      .execute();

    await db.schema
      .createTable("teams")
      .addColumn("id", "uuid", (c) => c.primaryKey())
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("description", "text")
      .addColumn("parent_team_id", "uuid", (c) => c.references("teams.id").onDelete("set null"))
      .addColumn("is_active", "boolean", (c) => c.notNull().defaultTo(true))
      .addColumn("created_by", "uuid")
      .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
      .execute();
    // Team names are unique per workspace, ignoring case.
    await sql`create unique index teams_name_key on teams (lower(name))`.execute(db);
    await db.schema.createIndex("teams_parent_team_id_idx").on("teams").column("parent_team_id").execute();

    await db.schema
      .createTable("team_members")
      .addColumn("team_id", "uuid", (c) => c.notNull().references("teams.id").onDelete("cascade"))
      .addColumn("user_id", "uuid", (c) => c.notNull().references("members.user_id").onDelete("cascade"))
      .addColumn("role", "text", (c) => c.notNull().check(sql`role in ('lead', 'member')`))
      .addColumn("added_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
      .addPrimaryKeyConstraint("team_members_pkey", ["team_id", "user_id"])
      .execute();
    // "Which teams does this member lead / belong to" (offboarding, reassignment).
    await db.schema.createIndex("team_members_user_id_idx").on("team_members").column("user_id").execute();
  },
};
