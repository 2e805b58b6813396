import type { Kysely } from "kysely";
import { tenantSchemaStatus } from "../../adapters/postgres/migrator.ts";
import type { PlatformDatabase } from "../../adapters/postgres/platform-schema.ts";
import type { TenantSchemaGate } from "./services.ts";

/**
 * Answers "is this tenant schema fully migrated?" for the 503 guard. A schema
 * found current stays current for the life of the process (migrations only
 * arrive with a new deploy, which restarts it), so the check costs one query per
 * schema per process; a schema found behind is checked again on the next request.
 */
export function createTenantSchemaGate(db: Kysely<PlatformDatabase>): TenantSchemaGate {
  const current = new Set<string>();
  return {
    async isCurrent(schemaName) {
      if (current.has(schemaName)) return true;
      const status = await tenantSchemaStatus(db, schemaName);
      if (!status.behind) current.add(schemaName);
      return !status.behind;
    },
  };
}
