import { sql } from "kysely";
import type { Migration } from "../migration.ts";

/**
 * The background-jobs table, and `enqueue_jobs()` through which jobs are inserted. Claiming reads (status, run_at, priority); a partial
 * index finds expired leases; listing reads a workspace's jobs newest first.
 * Plain SQL that Postgres 15 and PGlite both run; ids come from code (UUIDv7).
 *
 * No foreign keys on workspace_id / created_by: a job must outlive what it refers to
 * (a workspace-purge job deletes its own workspace; users can be erased), and the
 * row stays as the record of what ran.
 */
export const migration: Migration = {
  name: "0002_jobs",
  async up(db) {
    await sql`
      create table public.jobs (
        id uuid primary key,
        type text not null,
        workspace_id uuid,
        payload jsonb not null default '{}'::jsonb,
        status text not null default 'queued'
          check (status in ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
        priority integer not null default 0,
        attempts integer not null default 0 check (attempts >= 0),
        max_attempts integer not null default 3 check (max_attempts >= 1),
        run_at timestamptz not null default now(),
        locked_by text,
        lease_expires_at timestamptz,
        progress smallint not null default 0 check (progress between 0 and 100),
        progress_message text,
        current_step text,
        result jsonb,
        last_error text,
        cancel_requested_at timestamptz,
        created_by uuid,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        started_at timestamptz,
        finished_at timestamptz
      )`.execute(db);
    await sql`create index jobs_claim_idx on public.jobs (status, run_at, priority)`.execute(db);
    await sql`create index jobs_lease_idx on public.jobs (lease_expires_at) where status = 'running'`.execute(db);
    await sql`create index jobs_workspace_created_idx on public.jobs (workspace_id, created_at desc)`.execute(db);
    await sql`create index jobs_created_idx on public.jobs (created_at desc)`.execute(db);
    // Jobs are enqueued inside the domain write's transaction, and tenant transactions run
    // as the tenant's role, which has no rights on platform tables. This function is the one
    // door: it inserts jobs (and returns them) with its owner's rights. EXECUTE stays with
    // PUBLIC because tenant roles are created at run time; tenant roles are a guard against
    // query mistakes, not a sandbox (see tenant-database.ts), and only the app connects.
    await sql`
      create function public.enqueue_jobs(items jsonb) returns setof public.jobs
        language sql volatile security definer
        set search_path = pg_catalog, public
      as $fn$
        insert into public.jobs (id, type, workspace_id, payload, priority, max_attempts, run_at, created_by)
        select (e.item->>'id')::uuid,
               e.item->>'type',
               (e.item->>'workspace_id')::uuid,
               coalesce(e.item->'payload', '{}'::jsonb),
               coalesce((e.item->>'priority')::integer, 0),
               coalesce((e.item->>'max_attempts')::integer, 3),
               coalesce((e.item->>'run_at')::timestamptz, now()),
               (e.item->>'created_by')::uuid
          from jsonb_array_elements(items) with ordinality as e(item, n)
         order by e.n
        returning *
      $fn$`.execute(db);
  },
};
