import type { Kysely } from "kysely";
import {
  listTenantSchemas,
  migrateAllTenants,
  migrateTenant,
  type AllTenantsRun,
  type TenantMigrationProgress,
} from "../../adapters/postgres/migrator.ts";
import type { PlatformDatabase } from "../../adapters/postgres/platform-schema.ts";
import { isTenantSchemaName } from "../../adapters/postgres/tenant-names.ts";
import { PermanentJobError, type JobHandler } from "../../core/jobs/job-handler.ts";

/** Job type that brings tenant schemas up to the latest tenant migration. */
export const TENANTS_MIGRATE = "tenants.migrate";

/** Payload of `tenants.migrate`: all tenant schemas, or only `schemaNames`. */
export type TenantsMigratePayload = { schemaNames?: string[] };

/**
 * Migrates tenant schemas (all, or the payload's `schemaNames`), one transaction
 * each, reporting progress per schema. Safe to run again, and concurrently (the
 * migrator locks each schema). Stops between schemas when cancelled. After trying
 * every schema, fails (and is retried) when any failed; the error names them.
 *
 * @example
 * await jobs.enqueue({ type: TENANTS_MIGRATE });
 * await jobs.enqueue({ type: TENANTS_MIGRATE, workspaceId, payload: { schemaNames: [workspace.schema_name] } });
 */
export function tenantsMigrateHandler(deps: { db: Kysely<PlatformDatabase> }): JobHandler {
  return async ({ job, signal, reportProgress }) => {
    const only = parsePayload(job.payload);
    reportProgress(0, only ? `${only.length} schemas to check` : "listing tenant schemas");
    const onProgress = (progress: TenantMigrationProgress): void => {
      // The migrator has no cancel hook; throwing from its callback ends the run between schemas.
      if (signal.aborted) throw signal.reason;
      const percent = progress.total === 0 ? 100 : (progress.index / progress.total) * 100;
      const what = progress.error
        ? "failed"
        : progress.applied.length > 0
          ? `applied ${progress.applied.join(", ")}`
          : "up to date";
      reportProgress(percent, `${progress.index}/${progress.total} ${what}`, progress.schemaName);
    };
    const run = only ? await migrateSome(deps.db, only, onProgress) : await migrateAllTenants(deps.db, onProgress);
    signal.throwIfAborted();

    // A workspace deleted while the run was going is not a failure: nothing left to migrate.
    const remaining = run.failed.length > 0 ? new Set(await listTenantSchemas(deps.db)) : new Set<string>();
    const failed = run.failed.filter((f) => remaining.has(f.schemaName));
    if (failed.length > 0) {
      const names = failed.map((f) => `${f.schemaName}: ${f.error instanceof Error ? f.error.message : String(f.error)}`);
      const message = `${failed.length} of ${run.total} tenant schemas failed to migrate: ${names.join("; ")}`;
      // A schema that needs newer code will not get better by retrying.
      if (failed.every((f) => f.error instanceof Error && /deploy newer code/.test(f.error.message))) {
        throw new PermanentJobError(message);
      }
      throw new Error(message);
    }
    reportProgress(100, `${run.total} schemas checked, ${run.migrated} migrated`);
    return { total: run.total, migrated: run.migrated, skipped: run.failed.length };
  };
}

function parsePayload(payload: unknown): string[] | null {
  if (payload === null || typeof payload !== "object" || Array.isArray(payload)) return null;
  const { schemaNames } = payload as TenantsMigratePayload;
  if (schemaNames === undefined) return null;
  if (!Array.isArray(schemaNames) || !schemaNames.every((n) => typeof n === "string" && isTenantSchemaName(n))) {
    throw new PermanentJobError("payload.schemaNames must be a list of tenant schema names (ws_<32 hex digits>)");
  }
  return [...new Set(schemaNames)];
}

/** `migrateAllTenants` over a chosen list, same progress and outcome shape. */
async function migrateSome(
  db: Kysely<PlatformDatabase>,
  schemaNames: readonly string[],
  onProgress: (progress: TenantMigrationProgress) => void,
): Promise<AllTenantsRun> {
  const failed: AllTenantsRun["failed"] = [];
  let migrated = 0;
  for (const [i, schemaName] of schemaNames.entries()) {
    const at = { schemaName, index: i + 1, total: schemaNames.length };
    let applied: string[] = [];
    try {
      applied = (await migrateTenant(db, schemaName)).applied;
      if (applied.length > 0) migrated++;
    } catch (error) {
      failed.push({ schemaName, error });
      onProgress({ ...at, applied: [], error });
      continue;
    }
    onProgress({ ...at, applied });
  }
  return { total: schemaNames.length, migrated, failed };
}
