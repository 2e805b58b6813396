import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";

/**
 * Kysely types of the platform schema (`public`). One interface per table, mirroring the
 * platform migrations; the `PlatformDatabase` map at the bottom names them. To add a table:
 * write its interface above the map and add one line to the map.
 *
 * Conventions: ids are UUIDv7 strings generated in code (`newId()`); timestamptz columns read
 * as `Date` and accept `Date | string`; jsonb columns read parsed and are written with
 * `jsonb(value)` from `./jsonb.ts` (drivers disagree on how to send plain objects).
 */

/** A timestamptz column with a database default (`now()`). */
export type CreatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
/** A nullable timestamptz column. */
export type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** A jsonb column with a database default: reads as `T`, written as a `jsonb(...)` expression. */
export type JsonbColumn<T> = ColumnType<T, unknown | undefined, unknown>;

export interface UsersTable {
  id: string;
  email: string;
  password_hash: string | null;
  full_name: Generated<string>;
  avatar_url: string | null;
  /** Added by 0004_user_profile. */
  title: string | null;
  phone: string | null;
  bio: string | null;
  /** Added by 0005_billing_and_invites: the Clerk user id, when the user signs in through Clerk. */
  clerk_id: Generated<string | null>;
  is_active: Generated<boolean>;
  is_staff: Generated<boolean>;
  is_superuser: Generated<boolean>;
  email_verified_at: NullableTimestamp;
  last_login_at: NullableTimestamp;
  created_at: CreatedAt;
  updated_at: CreatedAt;
  deleted_at: NullableTimestamp;
}

export interface WorkspacesTable {
  id: string;
  name: string;
  slug: string;
  schema_name: string;
  owner_id: string | null;
  plan: Generated<string>;
  status: Generated<string>;
  /** Added by 0005_billing_and_invites: the subscription serving the workspace ("stripe" or "local"). */
  billing_provider: Generated<string | null>;
  billing_customer_id: Generated<string | null>;
  billing_subscription_id: Generated<string | null>;
  billing_status: Generated<string | null>;
  trial_ends_at: NullableTimestamp;
  created_at: CreatedAt;
  updated_at: CreatedAt;
  deleted_at: NullableTimestamp;
}

export type WorkspaceRole = "owner" | "admin" | "member" | "viewer";

export interface WorkspaceMembersTable {
  workspace_id: string;
  user_id: string;
  role: WorkspaceRole;
  status: Generated<string>;
  joined_at: CreatedAt;
}

export interface RefreshTokensTable {
  id: string;
  user_id: string;
  family_id: string;
  token_hash: string;
  expires_at: ColumnType<Date, Date | string, Date | string>;
  revoked_at: NullableTimestamp;
  replaced_by: string | null;
  impersonator_id: Generated<string | null>;
  user_agent: string | null;
  ip: string | null;
  created_at: CreatedAt;
}

export interface OneTimeTokensTable {
  id: string;
  kind: string;
  token_hash: string;
  user_id: string | null;
  workspace_id: string | null;
  email: string | null;
  payload: JsonbColumn<Record<string, unknown>>;
  expires_at: ColumnType<Date, Date | string, Date | string>;
  used_at: NullableTimestamp;
  created_at: CreatedAt;
}

export interface ApiKeysTable {
  id: string;
  workspace_id: string;
  name: string;
  prefix: string;
  key_hash: string;
  scopes: JsonbColumn<string[]>;
  is_active: Generated<boolean>;
  revoked_at: NullableTimestamp;
  last_used_at: NullableTimestamp;
  expires_at: NullableTimestamp;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

/** Bookkeeping of applied migrations (one per schema: public and every tenant schema). */
export interface SchemaMigrationsTable {
  name: string;
  applied_at: CreatedAt;
}

export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type Workspace = Selectable<WorkspacesTable>;
export type NewWorkspace = Insertable<WorkspacesTable>;

/**
 * Background jobs (migration 0002_jobs; adapter in ./jobs/). payload/result are jsonb,
 * written as `cast(<json> as jsonb)`.
 */
export interface JobsTable {
  id: string;
  type: string;
  workspace_id: string | null;
  payload: JsonbColumn<import("../../core/ports/job-queue.ts").JsonValue>;
  status: ColumnType<
    "queued" | "running" | "succeeded" | "failed" | "cancelled",
    "queued" | "running" | "succeeded" | "failed" | "cancelled" | undefined,
    "queued" | "running" | "succeeded" | "failed" | "cancelled"
  >;
  priority: Generated<number>;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  run_at: CreatedAt;
  locked_by: string | null;
  lease_expires_at: NullableTimestamp;
  progress: Generated<number>;
  progress_message: string | null;
  current_step: string | null;
  result: JsonbColumn<import("../../core/ports/job-queue.ts").JsonValue | null>;
  last_error: string | null;
  cancel_requested_at: NullableTimestamp;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: CreatedAt;
  started_at: NullableTimestamp;
  finished_at: NullableTimestamp;
}

/** Messages stored by the outbox mailer (migration 0003_mail_outbox; adapter in ../mail/). */
export interface MailOutboxTable {
  id: string;
  to_addresses: JsonbColumn<string[]>;
  from_address: string;
  reply_to: string | null;
  subject: string;
  text_body: string;
  html_body: string | null;
  created_at: CreatedAt;
}

/** Local plan catalogue of embedded billing (migration 0005_billing_and_invites). */
export interface BillingPlansTable {
  code: string;
  name: string;
  description: Generated<string>;
  price_cents: Generated<number>;
  currency: Generated<string>;
  billing_interval: Generated<string>;
  features: JsonbColumn<Record<string, unknown>>;
  sort_order: Generated<number>;
  is_active: Generated<boolean>;
  created_at: CreatedAt;
}

/** Subscriptions granted by the local-plans billing adapter (migration 0005). */
export interface BillingSubscriptionsTable {
  id: string;
  workspace_id: string;
  plan_code: string;
  status: string;
  external_customer_id: string | null;
  external_subscription_id: string | null;
  trial_ends_at: NullableTimestamp;
  current_period_end: NullableTimestamp;
  canceled_at: NullableTimestamp;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

/** Stripe payment invites: paid first, registered later (migration 0005). */
export interface StripePaymentInvitesTable {
  id: string;
  code_hash: string;
  email: string;
  access_code_hash: string;
  customer_name: Generated<string>;
  company_name: Generated<string>;
  plan: string;
  stripe_customer_id: string;
  stripe_subscription_id: string;
  expires_at: ColumnType<Date, Date | string, Date | string>;
  used_at: NullableTimestamp;
  used_by_user_id: string | null;
  workspace_id: string | null;
  signup_job_id: string | null;
  session_issued_at: NullableTimestamp;
  created_at: CreatedAt;
}

/** Who did what to whom, for staff actions such as impersonation (migration 0005). */
export interface AuditLogTable {
  id: string;
  actor_user_id: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  workspace_id: string | null;
  metadata: JsonbColumn<Record<string, unknown>>;
  ip: string | null;
  created_at: CreatedAt;
}

/** Workspace invitations (migration 0006_workspace_invitations; adapter in ./workspaces/). */
export interface WorkspaceInvitationsTable {
  id: string;
  workspace_id: string;
  kind: "email" | "link";
  user_id: string | null;
  email: string | null;
  role: WorkspaceRole;
  status: ColumnType<"pending" | "accepted" | "cancelled", "pending" | "accepted" | "cancelled" | undefined, "pending" | "accepted" | "cancelled">;
  token_id: string | null;
  invited_by: string | null;
  max_uses: number | null;
  use_count: Generated<number>;
  expires_at: ColumnType<Date, Date | string, Date | string>;
  accepted_at: NullableTimestamp;
  cancelled_at: NullableTimestamp;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

/** Free-form workspace settings (migration 0006_workspace_invitations). */
export interface WorkspaceSettingsTable {
  workspace_id: string;
  settings: JsonbColumn<Record<string, unknown>>;
  updated_at: CreatedAt;
}

/** Every platform table, by name. Append new tables here. */
export interface PlatformDatabase {
  users: UsersTable;
  workspaces: WorkspacesTable;
  workspace_members: WorkspaceMembersTable;
  refresh_tokens: RefreshTokensTable;
  one_time_tokens: OneTimeTokensTable;
  api_keys: ApiKeysTable;
  schema_migrations: SchemaMigrationsTable;
  jobs: JobsTable;
  mail_outbox: MailOutboxTable;
  workspace_invitations: WorkspaceInvitationsTable;
  workspace_settings: WorkspaceSettingsTable;
  billing_plans: BillingPlansTable;
  billing_subscriptions: BillingSubscriptionsTable;
  stripe_payment_invites: StripePaymentInvitesTable;
  audit_log: AuditLogTable;
}
