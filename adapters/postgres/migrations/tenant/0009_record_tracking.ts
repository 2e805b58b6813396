import { sql } from "kysely";
import type { Migration } from "../migration.ts";

/**
 * Record tracking (core/tracking): insights, the interactions timeline and tasks of records.
 *
 * - Each row hangs off a record (`on delete cascade`: purging a record purges its tracking).
 *   The dashboard reaches a recordset's rows through `records.recordset_id`, so no recordset
 *   column is duplicated here (records never move between recordsets).
 * - Indexes lead with `record_id` and the column each list orders by; the dashboard's
 *   aggregates walk them per record of the recordset.
 * - Insight state is two timestamps (dismissed, action taken) rather than a status column:
 *   both can happen, and each keeps who and when.
 */
export const migration: Migration = {
  name: "0009_record_tracking",
  async up(db) {
    await sql`
      create table record_insights (
        id uuid primary key,
        record_id uuid not null references records (id) on delete cascade,
        insight_type text not null,
        title text not null,
        body text not null default '',
        priority text not null default 'medium' check (priority in ('low', 'medium', 'high', 'urgent')),
        score double precision check (score is null or (score >= 0 and score <= 1)),
        source text not null check (source in ('ai', 'heuristic', 'manual')),
        provider text,
        model text,
        offline boolean not null default false,
        dismissed_at timestamptz,
        dismissed_by uuid,
        action_taken_at timestamptz,
        action_taken_by uuid,
        created_by uuid,
        created_at timestamptz not null default now()
      )`.execute(db);
    await sql`create index record_insights_record_idx on record_insights (record_id, created_at desc, id desc)`.execute(db);

    await sql`
      create table record_interactions (
        id uuid primary key,
        record_id uuid not null references records (id) on delete cascade,
        interaction_type text not null check (interaction_type in ('call', 'email', 'meeting', 'note', 'message', 'visit', 'other')),
        summary text not null,
        notes text,
        occurred_at timestamptz not null default now(),
        duration_minutes integer check (duration_minutes is null or duration_minutes >= 0),
        outcome text,
        created_by uuid,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`.execute(db);
    await sql`create index record_interactions_record_idx on record_interactions (record_id, occurred_at desc, id desc)`.execute(db);

    await sql`
      create table record_tasks (
        id uuid primary key,
        record_id uuid not null references records (id) on delete cascade,
        title text not null,
        description text,
        due_at timestamptz,
        priority text not null default 'medium' check (priority in ('low', 'medium', 'high', 'urgent')),
        status text not null default 'todo' check (status in ('todo', 'in_progress', 'completed', 'cancelled')),
        assignee_id uuid,
        completed_at timestamptz,
        completed_by uuid,
        created_by uuid,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`.execute(db);
    await sql`create index record_tasks_record_idx on record_tasks (record_id, status, due_at)`.execute(db);
    await sql`create index record_tasks_assignee_idx on record_tasks (assignee_id) where assignee_id is not null`.execute(db);
  },
};
