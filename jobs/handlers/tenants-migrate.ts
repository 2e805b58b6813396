import type { Kysely } from "kysely";
import type { PlatformDatabase } from "../../adapters/postgres/platform-schema.ts";
import { listTenantSchemas, migrateAllTenants } from "../../adapters/postgres/migrator.ts";
import { PermanentJobError, type JobHandler } from "../../core/jobs/job-handler.ts";

/** Job type that brings every tenant schema up to the latest tenant migration. */
export const TENANTS_MIGRATE = "tenants.migrate";

/**
 * Migrates all tenant schemas, one transaction each, reporting progress per schema.
 * Safe to run again (and concurrently: the migrator locks each schema). Stops
 * between schemas when cancelled. Fails (and is retried) when any schema failed,
 * after trying all of them; the error names them.
 *
 * @example
 * await jobs.enqueue({ type: TENANTS_MIGRATE, maxAttempts: 3 });
 */
export function tenantsMigrateHandler(deps: { db: Kysely<PlatformDatabase> }): JobHandler {
  return async ({ signal, reportProgress }) => {
    reportProgress(0, "listing tenant schemas");
    const run = await migrateAllTenants(deps.db, (progress) => {
      // The migrator has no cancel hook; throwing from its callback ends the run between schemas.
      if (signal.aborted) throw signal.reason;
      const percent = progress.total === 0 ? 100 : (progress.index / progress.total) * 100;
      const what = progress.error
        ? "failed"
        : progress.applied.length > 0
          ? `applied ${progress.applied.join(", ")}`
          : "up to date";
      reportProgress(percent, `${progress.index}/${progress.total} ${what}`, progress.schemaName);
    });
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
    return { total: run.total, migrated: run.migrated, skipped: run.failed.length };
  };
}
