import { sql } from "kysely";
import type { Migration } from "../migration.ts";

/**
 * Workspace invitations and workspace settings. An invitation is either personal (`email`:
 * one registered user, single-use token of kind `invitation`) or a shareable `link` (token of
 * kind `invite_link`, usable until it expires, reaches `max_uses` or is cancelled). The token
 * secret lives hashed in `one_time_tokens`; `token_id` points at the current one, so issuing a
 * new token (resend, new link) leaves older ones useless.
 */
export const migration: Migration = {
  name: "0006_workspace_invitations",
  async up(db) {
    for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
  },
};

const STATEMENTS = [
  `create table workspace_invitations (
    id uuid primary key,
    workspace_id uuid not null references workspaces (id) on delete cascade,
    kind text not null check (kind in ('email', 'link')),
    user_id uuid references users (id) on delete cascade,
    email text,
    role text not null check (role in ('owner', 'admin', 'member', 'viewer')),
    status text not null default 'pending' check (status in ('pending', 'accepted', 'cancelled')),
    token_id uuid references one_time_tokens (id) on delete set null,
    invited_by uuid references users (id) on delete set null,
    max_uses integer check (max_uses is null or max_uses > 0),
    use_count integer not null default 0,
    expires_at timestamptz not null,
    accepted_at timestamptz,
    cancelled_at timestamptz,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    check (kind = 'link' or user_id is not null)
  )`,
  `create index workspace_invitations_workspace_id_idx on workspace_invitations (workspace_id, status)`,
  // At most one open personal invitation per user and workspace: re-inviting refreshes it.
  `create unique index workspace_invitations_pending_user_key on workspace_invitations (workspace_id, user_id)
    where status = 'pending' and kind = 'email'`,
  `create index workspace_invitations_user_id_idx on workspace_invitations (user_id)`,

  `create table workspace_settings (
    workspace_id uuid primary key references workspaces (id) on delete cascade,
    settings jsonb not null default '{}',
    updated_at timestamptz not null default now()
  )`,
];
