import type { ColumnType } from "kysely";
import type { CreatedAt, SchemaMigrationsTable } from "./platform-schema.ts";

/**
 * Kysely types of one workspace's schema. Queries go through `tenantDatabase(...)`, which
 * scopes them to the schema; table names here are unqualified. One interface per table, the
 * `TenantDatabase` map at the bottom; append new tables there.
 */

export interface SettingsTable {
  key: string;
  value: ColumnType<unknown, unknown, unknown>;
  updated_at: CreatedAt;
}

export interface RolePermissionsTable {
  role: "admin" | "member" | "viewer";
  permission: string;
  allowed: boolean;
  updated_by: string | null;
  updated_at: CreatedAt;
}

/** A member's workspace-specific record (migration 0003); `user_id` is `public.users.id`. */
export interface MembersTable {
  user_id: string;
  display_name: string | null;
  title: string | null;
  department: string | null;
  phone: string | null;
  avatar_key: string | null;
  tours: ColumnType<Record<string, { status: "completed" | "skipped"; updated_at: string }>, unknown | undefined, unknown>;
  created_at: CreatedAt;
  updated_at: CreatedAt;
  deleted_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface TeamsTable {
  id: string;
  name: string;
  description: string | null;
  parent_team_id: string | null;
  is_active: ColumnType<boolean, boolean | undefined, boolean>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

export interface TeamMembersTable {
  team_id: string;
  user_id: string;
  role: "lead" | "member";
  added_at: CreatedAt;
}

/** Module switches and settings (tenant migration 0004_module_settings). */
export interface ModuleSettingsTable {
  module: string;
  enabled: ColumnType<boolean, boolean | undefined, boolean>;
  settings: ColumnType<Record<string, unknown>, unknown, unknown>;
  updated_by: string | null;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

/** The activity feed: one row per domain event (tenant migration 0005_activity). */
export interface ActivityTable {
  id: string;
  type: string;
  actor_id: string | null;
  entity_type: string;
  entity_id: string;
  entity_name: string | null;
  metadata: ColumnType<Record<string, unknown>, unknown, unknown>;
  /** User ids the event concerns (jsonb array). */
  audience: ColumnType<string[], unknown, unknown>;
  occurred_at: ColumnType<Date, Date | string | undefined, Date | string>;
  /** Generated from entity_name and type; never written. */
  search_vector: ColumnType<string, never, never>;
}

/** Notifications, one per recipient of a domain event (tenant migration 0006_notifications). */
export interface NotificationsTable {
  id: string;
  user_id: string;
  event_id: string | null;
  type: string;
  title: string;
  body: string | null;
  actor_id: string | null;
  entity_type: string | null;
  entity_id: string | null;
  entity_name: string | null;
  data: ColumnType<Record<string, unknown>, unknown, unknown>;
  read_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  created_at: CreatedAt;
  email_wanted: ColumnType<boolean, boolean | undefined, boolean>;
  emailed_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

/** A user's choice for one event type on one channel (v1 preference rows). */
export interface NotificationPreferencesTable {
  id: string;
  user_id: string;
  event_type: string;
  channel: "in_app" | "email" | "whatsapp";
  enabled: boolean;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

/** A user's email delivery mode and muted event types in this workspace. */
export interface NotificationSettingsTable {
  user_id: string;
  email_delivery_mode: ColumnType<"instant" | "digest", "instant" | "digest" | undefined, "instant" | "digest">;
  digest_frequency_minutes: ColumnType<number, number | undefined, number>;
  muted_event_types: ColumnType<string[], unknown, unknown>;
  last_digest_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  updated_at: CreatedAt;
}

/** Json column: written through `jsonb()`, read as parsed JSON. */
type Json<T> = ColumnType<T, unknown, unknown>;
type Stamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableStamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

/** Recordsets (migration 0007). */
export interface RecordsetsTable {
  id: string;
  slug: string;
  name: string;
  description: string | null;
  type: ColumnType<string, string | undefined, string>;
  icon: string | null;
  color: string | null;
  fields: Json<unknown[]>;
  settings: Json<Record<string, unknown>>;
  mode: ColumnType<"table" | "map", "table" | "map" | undefined, "table" | "map">;
  promoted: Json<{ text: string[]; number: string[]; date: string[] }>;
  gis: Json<unknown | null>;
  record_count: ColumnType<number, number | undefined, number>;
  is_active: ColumnType<boolean, boolean | undefined, boolean>;
  created_by: string | null;
  created_at: Stamp;
  updated_at: Stamp;
  deleted_at: NullableStamp;
}

export interface RecordsetAccessTable {
  id: string;
  recordset_id: string;
  member_id: string | null;
  team_id: string | null;
  can_view: boolean;
  can_create: boolean;
  can_edit: boolean;
  can_edit_own: boolean;
  can_delete: boolean;
  can_delete_own: boolean;
  can_admin: boolean;
  granted_by: string | null;
  created_at: Stamp;
}

export interface RecordsetViewsTable {
  id: string;
  recordset_id: string;
  name: string;
  type: ColumnType<string, string | undefined, string>;
  config: Json<Record<string, unknown>>;
  is_default: ColumnType<boolean, boolean | undefined, boolean>;
  created_by: string | null;
  created_at: Stamp;
  updated_at: Stamp;
}

/** Records (migration 0007); `promoted_gis_1` is a PostGIS geometry: read it with ST_AsGeoJSON. */
export interface RecordsTable {
  id: string;
  recordset_id: string;
  field_values: Json<Record<string, unknown>>;
  title: string | null;
  status: ColumnType<"active" | "archived" | "deleted", "active" | "archived" | "deleted" | undefined, "active" | "archived" | "deleted">;
  tags: Json<string[]>;
  tool_statuses: Json<Record<string, string>>;
  group_id: string | null;
  version: ColumnType<number, number | undefined, number>;
  promoted_text_1: string | null;
  promoted_text_2: string | null;
  promoted_text_3: string | null;
  promoted_number_1: number | null;
  promoted_number_2: number | null;
  promoted_number_3: number | null;
  promoted_date_1: NullableStamp;
  promoted_date_2: NullableStamp;
  promoted_gis_1: ColumnType<unknown, unknown, unknown>;
  created_by: string | null;
  updated_by: string | null;
  created_at: Stamp;
  updated_at: Stamp;
  deleted_at: NullableStamp;
  search_vector: ColumnType<unknown, never, never>;
}

export interface RecordVersionsTable {
  id: string;
  record_id: string;
  version: number;
  field_values: Json<Record<string, unknown>>;
  status: string;
  tags: Json<string[]>;
  change_type: "created" | "updated" | "restored" | "deleted";
  restored_from: number | null;
  changed_by: string | null;
  created_at: Stamp;
}

export interface RecordCommentsTable {
  id: string;
  record_id: string;
  author_id: string | null;
  content: string;
  created_at: Stamp;
  updated_at: Stamp;
}

export interface RecordRelationshipsTable {
  id: string;
  record_id: string;
  related_record_id: string;
  relationship_type: string;
  created_by: string | null;
  created_at: Stamp;
}

export interface RecordAttachmentsTable {
  id: string;
  record_id: string;
  file_name: string;
  content_type: string;
  size_bytes: ColumnType<number, number, number>;
  storage_key: string;
  uploaded_by: string | null;
  created_at: Stamp;
}

export interface PipelinesTable {
  id: string;
  recordset_id: string | null;
  name: string;
  stages: Json<unknown[]>;
  created_by: string | null;
  created_at: Stamp;
  updated_at: Stamp;
}

/** Every tenant table, by name. Append new tables here. */
export interface TenantDatabase {
  settings: SettingsTable;
  role_permissions: RolePermissionsTable;
  schema_migrations: SchemaMigrationsTable;
  members: MembersTable;
  teams: TeamsTable;
  team_members: TeamMembersTable;
  module_settings: ModuleSettingsTable;
  activity: ActivityTable;
  notifications: NotificationsTable;
  notification_preferences: NotificationPreferencesTable;
  notification_settings: NotificationSettingsTable;
  recordsets: RecordsetsTable;
  recordset_access: RecordsetAccessTable;
  recordset_views: RecordsetViewsTable;
  records: RecordsTable;
  record_versions: RecordVersionsTable;
  record_comments: RecordCommentsTable;
  record_relationships: RecordRelationshipsTable;
  record_attachments: RecordAttachmentsTable;
  pipelines: PipelinesTable;
  llm_usage: LlmUsageTable;
  record_insights: RecordInsightsTable;
  record_interactions: RecordInteractionsTable;
  record_tasks: RecordTasksTable;
  import_checkpoints: ImportCheckpointsTable;
}

/** One completed LLM call (tenant migration 0008_llm_usage); `cost_usd` is numeric, read as a string. */
export interface LlmUsageTable {
  id: string;
  occurred_at: ColumnType<Date, Date | string | undefined, Date | string>;
  user_id: string | null;
  purpose: string;
  provider: string;
  model: string;
  input_tokens: number;
  output_tokens: number;
  cost_usd: ColumnType<string, number | string, number | string>;
  priced: boolean;
  offline: boolean;
  duration_ms: number;
}

/** Record tracking (tenant migration 0009): insights of a record. */
export interface RecordInsightsTable {
  id: string;
  record_id: string;
  insight_type: string;
  title: string;
  body: ColumnType<string, string | undefined, string>;
  priority: ColumnType<"low" | "medium" | "high" | "urgent", "low" | "medium" | "high" | "urgent" | undefined, "low" | "medium" | "high" | "urgent">;
  score: number | null;
  source: "ai" | "heuristic" | "manual";
  provider: string | null;
  model: string | null;
  offline: ColumnType<boolean, boolean | undefined, boolean>;
  dismissed_at: NullableStamp;
  dismissed_by: string | null;
  action_taken_at: NullableStamp;
  action_taken_by: string | null;
  created_by: string | null;
  created_at: Stamp;
}

/** Record tracking: the interactions timeline of a record. */
export interface RecordInteractionsTable {
  id: string;
  record_id: string;
  interaction_type: "call" | "email" | "meeting" | "note" | "message" | "visit" | "other";
  summary: string;
  notes: string | null;
  occurred_at: Stamp;
  duration_minutes: number | null;
  outcome: string | null;
  created_by: string | null;
  created_at: Stamp;
  updated_at: Stamp;
}

/** Record tracking: tasks of a record. */
export interface RecordTasksTable {
  id: string;
  record_id: string;
  title: string;
  description: string | null;
  due_at: NullableStamp;
  priority: ColumnType<"low" | "medium" | "high" | "urgent", "low" | "medium" | "high" | "urgent" | undefined, "low" | "medium" | "high" | "urgent">;
  status: ColumnType<"todo" | "in_progress" | "completed" | "cancelled", "todo" | "in_progress" | "completed" | "cancelled" | undefined, "todo" | "in_progress" | "completed" | "cancelled">;
  assignee_id: string | null;
  completed_at: NullableStamp;
  completed_by: string | null;
  created_by: string | null;
  created_at: Stamp;
  updated_at: Stamp;
}

/** Recordset Import: how far an import job got (tenant migration 0010_import_checkpoints). */
export interface ImportCheckpointsTable {
  job_id: string;
  recordset_id: string | null;
  rows_done: number;
  last_row_number: number;
  imported: number;
  rejected: number;
  total_rows: number | null;
  updated_at: Stamp;
}
