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

/** Every tenant table, by name. Append new tables here. */
export interface TenantDatabase {
  settings: SettingsTable;
  role_permissions: RolePermissionsTable;
  schema_migrations: SchemaMigrationsTable;
}
