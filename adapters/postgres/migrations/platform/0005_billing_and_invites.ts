import { sql } from "kysely";
import type { Migration } from "../migration.ts";

/**
 * Billing and sign-up: the workspace's subscription columns (whichever provider serves it),
 * the local plan catalogue and subscriptions of embedded mode (no Stripe key), Stripe payment
 * invites (paid before registering; code and access code stored as SHA-256 only), the audit log
 * (impersonation and other staff actions) and the Clerk id of users.
 */
export const migration: Migration = {
  name: "0005_billing_and_invites",
  async up(db) {
    for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
  },
};

const STATEMENTS = [
  `alter table workspaces
    add column billing_provider text,
    add column billing_customer_id text,
    add column billing_subscription_id text,
    add column billing_status text,
    add column trial_ends_at timestamptz`,
  `create index workspaces_billing_subscription_id_idx on workspaces (billing_subscription_id)`,

  `create table billing_plans (
    code text primary key,
    name text not null,
    description text not null default '',
    price_cents integer not null default 0 check (price_cents >= 0),
    currency text not null default 'usd',
    billing_interval text not null default 'month' check (billing_interval in ('month', 'year')),
    features jsonb not null default '{}',
    sort_order integer not null default 0,
    is_active boolean not null default true,
    created_at timestamptz not null default now()
  )`,
  `insert into billing_plans (code, name, description, price_cents, sort_order, features) values
    ('free', 'Free', 'One workspace to try the product', 0, 10, '{"seats": 3}'),
    ('starter', 'Starter', 'Small teams', 4900, 20, '{"seats": 10}'),
    ('pro', 'Pro', 'Growing teams with AI and integrations', 14900, 30, '{"seats": 50}'),
    ('enterprise', 'Enterprise', 'Unlimited seats and priority support', 49900, 40, '{"seats": null}')`,

  `create table billing_subscriptions (
    id uuid primary key,
    workspace_id uuid not null references workspaces (id) on delete cascade,
    plan_code text not null references billing_plans (code),
    status text not null check (status in ('trialing', 'active', 'incomplete', 'past_due', 'canceled')),
    external_customer_id text,
    external_subscription_id text,
    trial_ends_at timestamptz,
    current_period_end timestamptz,
    canceled_at timestamptz,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`,
  `create index billing_subscriptions_workspace_id_idx on billing_subscriptions (workspace_id)`,

  `create table stripe_payment_invites (
    id uuid primary key,
    code_hash text not null unique,
    email text not null,
    access_code_hash text not null,
    customer_name text not null default '',
    company_name text not null default '',
    plan text not null,
    stripe_customer_id text not null,
    stripe_subscription_id text not null,
    expires_at timestamptz not null,
    used_at timestamptz,
    used_by_user_id uuid references users (id) on delete set null,
    workspace_id uuid references workspaces (id) on delete set null,
    signup_job_id uuid,
    session_issued_at timestamptz,
    created_at timestamptz not null default now()
  )`,
  `create index stripe_payment_invites_email_idx on stripe_payment_invites (lower(email))`,

  `create table audit_log (
    id uuid primary key,
    actor_user_id uuid references users (id) on delete set null,
    action text not null,
    target_type text not null,
    target_id text,
    workspace_id uuid references workspaces (id) on delete set null,
    metadata jsonb not null default '{}',
    ip text,
    created_at timestamptz not null default now()
  )`,
  `create index audit_log_actor_idx on audit_log (actor_user_id, created_at desc)`,
  `create index audit_log_target_idx on audit_log (target_type, target_id, created_at desc)`,

  `alter table users add column clerk_id text`,
  `create unique index users_clerk_id_key on users (clerk_id) where clerk_id is not null`,
];
