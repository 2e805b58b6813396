import { sql, type Kysely } from "kysely";
import { DEFAULT_EXTENSION_SCHEMA, findPostgisSchema } from "../../postgis-schema.ts";
import type { Migration } from "../migration.ts";

/**
 * PostGIS and the identity tables: users, workspaces and their members, refresh and one-time
 * tokens, API keys. Ids are UUIDv7 generated in code, so no id defaults.
 */
export const migration: Migration = {
  name: "0001_core",
  async up(db) {
    await installPostgis(db);
    for (const statement of TABLES) await sql.raw(statement).execute(db);
  },
};

/**
 * A fresh database gets PostGIS in its own `extensions` schema, keeping `public` for our
 * tables. A database where it is already installed (often in `public`, by a superuser on a
 * managed service) keeps it where it is: `openDatabase` detects the schema for `search_path`.
 */
async function installPostgis(db: Kysely<any>): Promise<void> {
  if ((await findPostgisSchema(db)) !== null) return;
  await sql`create schema if not exists ${sql.id(DEFAULT_EXTENSION_SCHEMA)}`.execute(db);
  await sql`create extension if not exists postgis with schema ${sql.id(DEFAULT_EXTENSION_SCHEMA)}`.execute(db);
}

const TABLES = [
  `create table users (
    id uuid primary key,
    email text not null,
    password_hash text,
    full_name text not null default '',
    avatar_url text,
    is_active boolean not null default true,
    is_staff boolean not null default false,
    is_superuser boolean not null default false,
    email_verified_at timestamptz,
    last_login_at timestamptz,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    deleted_at timestamptz
  )`,
  `create unique index users_email_lower_key on users (lower(email))`,

  `create table workspaces (
    id uuid primary key,
    name text not null,
    slug text not null unique,
    schema_name text not null unique,
    owner_id uuid references users (id) on delete set null,
    plan text not null default 'free',
    status text not null default 'active',
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    deleted_at timestamptz
  )`,
  `create index workspaces_owner_id_idx on workspaces (owner_id)`,

  `create table workspace_members (
    workspace_id uuid not null references workspaces (id) on delete cascade,
    user_id uuid not null references users (id) on delete cascade,
    role text not null check (role in ('owner', 'admin', 'member', 'viewer')),
    status text not null default 'active',
    joined_at timestamptz not null default now(),
    primary key (workspace_id, user_id)
  )`,
  // "My workspaces" looks members up by user.
  `create index workspace_members_user_id_idx on workspace_members (user_id)`,

  `create table refresh_tokens (
    id uuid primary key,
    user_id uuid not null references users (id) on delete cascade,
    family_id uuid not null,
    token_hash text not null unique,
    expires_at timestamptz not null,
    revoked_at timestamptz,
    replaced_by uuid,
    user_agent text,
    ip text,
    created_at timestamptz not null default now()
  )`,
  `create index refresh_tokens_user_id_idx on refresh_tokens (user_id)`,
  // Reuse of a rotated token revokes its whole family.
  `create index refresh_tokens_family_id_idx on refresh_tokens (family_id)`,

  `create table one_time_tokens (
    id uuid primary key,
    kind text not null,
    token_hash text not null unique,
    user_id uuid references users (id) on delete cascade,
    workspace_id uuid references workspaces (id) on delete cascade,
    email text,
    payload jsonb not null default '{}',
    expires_at timestamptz not null,
    used_at timestamptz,
    created_at timestamptz not null default now()
  )`,
  `create index one_time_tokens_user_id_idx on one_time_tokens (user_id)`,
  `create index one_time_tokens_workspace_id_idx on one_time_tokens (workspace_id)`,

  `create table api_keys (
    id uuid primary key,
    workspace_id uuid not null references workspaces (id) on delete cascade,
    name text not null,
    prefix text not null,
    key_hash text not null unique,
    scopes jsonb not null default '[]',
    is_active boolean not null default true,
    revoked_at timestamptz,
    last_used_at timestamptz,
    expires_at timestamptz,
    created_by uuid references users (id) on delete set null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`,
  `create index api_keys_workspace_id_idx on api_keys (workspace_id)`,
];
