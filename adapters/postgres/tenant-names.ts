import { isUuid } from "../../core/ids.ts";

const SCHEMA = /^ws_[0-9a-f]{32}$/;

/** The schema of a workspace: `ws_` + its UUID as 32 lowercase hex digits. */
export function tenantSchemaName(workspaceId: string): string {
  if (!isUuid(workspaceId)) throw new TypeError(`not a workspace id: ${JSON.stringify(workspaceId)}`);
  return `ws_${workspaceId.replaceAll("-", "").toLowerCase()}`;
}

/** True for names produced by {@link tenantSchemaName}; these are safe to splice into SQL. */
export function isTenantSchemaName(name: string): boolean {
  return SCHEMA.test(name);
}

/** Throws unless `name` is a tenant schema name, so it can be used as an SQL identifier. */
export function assertTenantSchemaName(name: string): void {
  if (!isTenantSchemaName(name)) throw new TypeError(`not a tenant schema name: ${JSON.stringify(name)}`);
}

/** The NOLOGIN role a tenant's queries run as (roles are cluster-wide; schema names are unique). */
export function tenantRoleName(schemaName: string): string {
  assertTenantSchemaName(schemaName);
  return `${schemaName}_role`;
}
