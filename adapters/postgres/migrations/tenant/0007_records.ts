import { sql } from "kysely";
import type { Migration } from "../migration.ts";

/**
 * Recordsets and records (core/recordsets, core/records).
 *
 * - `records.field_values` (jsonb) holds the values; promoted columns mirror chosen fields
 *   (core/recordsets/promoted-columns.ts) so filters and sorts use B-tree indexes, and
 *   `promoted_gis_1` holds the geometry (SRID 4326) under a GiST index. A CHECK keeps invalid
 *   geometries (self-intersecting rings...) out.
 * - Indexes lead with `recordset_id`: every list, filter and map query is per recordset.
 *   Partial on `deleted_at is null`, the rows lists read.
 * - `record_versions` keeps every version (history and restore).
 * - `tags` and `tool_statuses` are jsonb rather than arrays: postgres.js and PGlite bind
 *   arrays differently, and jsonb containment has a GIN operator class.
 * - Search: a generated tsvector over the title and the promoted text fields (the first three
 *   text-like fields). Not every value: measured on 100k-row imports, a tsvector over all of
 *   `field_values` (jsonb_to_tsvector) and its GIN index were half of the write cost.
 */
export const migration: Migration = {
  name: "0007_records",
  async up(db) {
    await sql`
      create table recordsets (
        id uuid primary key,
        slug text not null unique,
        name text not null,
        description text,
        type text not null default 'custom',
        icon text,
        color text,
        fields jsonb not null default '[]'::jsonb,
        settings jsonb not null default '{}'::jsonb,
        mode text not null default 'table' check (mode in ('table', 'map')),
        promoted jsonb not null default '{"text":[],"number":[],"date":[]}'::jsonb,
        gis jsonb,
        record_count integer not null default 0,
        is_active boolean not null default true,
        created_by uuid,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        deleted_at timestamptz
      )`.execute(db);
    await sql`create index recordsets_trash_idx on recordsets (deleted_at) where deleted_at is not null`.execute(db);

    await sql`
      create table recordset_access (
        id uuid primary key,
        recordset_id uuid not null references recordsets (id) on delete cascade,
        member_id uuid,
        team_id uuid references teams (id) on delete cascade,
        can_view boolean not null default true,
        can_create boolean not null default false,
        can_edit boolean not null default false,
        can_edit_own boolean not null default false,
        can_delete boolean not null default false,
        can_delete_own boolean not null default false,
        can_admin boolean not null default false,
        granted_by uuid,
        created_at timestamptz not null default now(),
        check ((member_id is null) <> (team_id is null))
      )`.execute(db);
    await sql`create unique index recordset_access_member_idx on recordset_access (recordset_id, member_id) where member_id is not null`.execute(db);
    await sql`create unique index recordset_access_team_idx on recordset_access (recordset_id, team_id) where team_id is not null`.execute(db);
    await sql`create index recordset_access_member_lookup_idx on recordset_access (member_id)`.execute(db);

    await sql`
      create table recordset_views (
        id uuid primary key,
        recordset_id uuid not null references recordsets (id) on delete cascade,
        name text not null,
        type text not null default 'table',
        config jsonb not null default '{}'::jsonb,
        is_default boolean not null default false,
        created_by uuid,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`.execute(db);
    await sql`create index recordset_views_recordset_idx on recordset_views (recordset_id)`.execute(db);

    await sql`
      create table records (
        id uuid primary key,
        recordset_id uuid not null references recordsets (id) on delete cascade,
        field_values jsonb not null default '{}'::jsonb,
        title text,
        status text not null default 'active' check (status in ('active', 'archived', 'deleted')),
        tags jsonb not null default '[]'::jsonb,
        tool_statuses jsonb not null default '{}'::jsonb,
        group_id uuid,
        version integer not null default 1,
        promoted_text_1 text,
        promoted_text_2 text,
        promoted_text_3 text,
        promoted_number_1 double precision,
        promoted_number_2 double precision,
        promoted_number_3 double precision,
        promoted_date_1 timestamptz,
        promoted_date_2 timestamptz,
        promoted_gis_1 geometry(Geometry, 4326) check (promoted_gis_1 is null or st_isvalid(promoted_gis_1)),
        created_by uuid,
        updated_by uuid,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        deleted_at timestamptz,
        search_vector tsvector generated always as (
          setweight(to_tsvector('simple'::regconfig, coalesce(title, '')), 'A') ||
          to_tsvector('simple'::regconfig, coalesce(promoted_text_1, '') || ' ' || coalesce(promoted_text_2, '') || ' ' || coalesce(promoted_text_3, ''))
        ) stored
      )`.execute(db);
    await sql`create index records_recordset_idx on records (recordset_id, created_at desc, id desc) where deleted_at is null`.execute(db);
    for (const column of ["promoted_number_1", "promoted_number_2", "promoted_number_3", "promoted_date_1", "promoted_date_2", "promoted_text_1"]) {
      await sql`create index ${sql.id(`records_${column}_idx`)} on records (recordset_id, ${sql.id(column)}) where deleted_at is null`.execute(db);
    }
    await sql`create index records_gis_idx on records using gist (promoted_gis_1) where deleted_at is null`.execute(db);
    await sql`create index records_search_idx on records using gin (search_vector)`.execute(db);
    await sql`create index records_tags_idx on records using gin (tags jsonb_path_ops)`.execute(db);
    await sql`create index records_group_idx on records (group_id) where group_id is not null`.execute(db);

    await sql`
      create table record_versions (
        id uuid primary key,
        record_id uuid not null references records (id) on delete cascade,
        version integer not null,
        field_values jsonb not null,
        status text not null,
        tags jsonb not null default '[]'::jsonb,
        change_type text not null check (change_type in ('created', 'updated', 'restored', 'deleted')),
        restored_from integer,
        changed_by uuid,
        created_at timestamptz not null default now(),
        unique (record_id, version)
      )`.execute(db);

    await sql`
      create table record_comments (
        id uuid primary key,
        record_id uuid not null references records (id) on delete cascade,
        author_id uuid,
        content text not null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`.execute(db);
    await sql`create index record_comments_record_idx on record_comments (record_id, created_at)`.execute(db);

    await sql`
      create table record_relationships (
        id uuid primary key,
        record_id uuid not null references records (id) on delete cascade,
        related_record_id uuid not null references records (id) on delete cascade,
        relationship_type text not null,
        created_by uuid,
        created_at timestamptz not null default now(),
        unique (record_id, related_record_id, relationship_type),
        check (record_id <> related_record_id)
      )`.execute(db);
    await sql`create index record_relationships_related_idx on record_relationships (related_record_id)`.execute(db);

    await sql`
      create table record_attachments (
        id uuid primary key,
        record_id uuid not null references records (id) on delete cascade,
        file_name text not null,
        content_type text not null,
        size_bytes bigint not null,
        storage_key text not null,
        uploaded_by uuid,
        created_at timestamptz not null default now()
      )`.execute(db);
    await sql`create index record_attachments_record_idx on record_attachments (record_id, created_at)`.execute(db);

    // A recordset's pipeline (the Deal Pipelines section extends this table).
    await sql`
      create table pipelines (
        id uuid primary key,
        recordset_id uuid references recordsets (id) on delete cascade,
        name text not null,
        stages jsonb not null default '[]'::jsonb,
        created_by uuid,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`.execute(db);
    await sql`create unique index pipelines_recordset_idx on pipelines (recordset_id) where recordset_id is not null`.execute(db);
  },
};
