import type { Kysely } from "kysely";
import type { PlatformDatabase } from "../../adapters/postgres/platform-schema.ts";
import type { JobHandler } from "../../core/jobs/job-handler.ts";
import { purgeExpiredTrash, type PurgeExpiredTrashDeps } from "../../core/recordsets/purge-expired-trash.ts";

/** Job type of the daily trash purge (scheduled by jobs/scheduler.ts). */
export const RECORDSETS_PURGE_TRASH_JOB = "recordsets.purge-trash";

/** What the purge needs from the app's services. */
export type RecordsetsPurgeTrashServices = PurgeExpiredTrashDeps & {
  /** Workspaces whose tenant schema is behind are skipped: their tables may not exist yet. */
  tenantSchemas: { isCurrent(schemaName: string): Promise<boolean> };
};

/**
 * Permanently deletes, in every workspace, the recordsets trashed more than 30 days ago (with
 * their records). One transaction per workspace; a failing workspace does not stop the
 * others, and the job fails (to be retried) after trying them all. Stops between workspaces
 * when cancelled. Running it twice is harmless: the second run finds nothing to purge.
 */
export function recordsetsPurgeTrashHandler(deps: { db: Kysely<PlatformDatabase> }, services: RecordsetsPurgeTrashServices): JobHandler {
  return async ({ signal, reportProgress }) => {
    const workspaces = await deps.db.selectFrom("workspaces").select(["id", "schema_name"]).where("deleted_at", "is", null).orderBy("id").execute();
    let purged = 0;
    let skipped = 0;
    const failed: string[] = [];
    for (const [i, row] of workspaces.entries()) {
      signal.throwIfAborted();
      try {
        if (await services.tenantSchemas.isCurrent(row.schema_name)) {
          purged += (await purgeExpiredTrash(services, { id: row.id, schemaName: row.schema_name })).length;
        } else {
          skipped++;
        }
      } catch (error) {
        failed.push(`${row.id}: ${error instanceof Error ? error.message : String(error)}`);
      }
      reportProgress(((i + 1) / workspaces.length) * 100, `${purged} recordset(s) purged`);
    }
    if (failed.length > 0) throw new Error(`trash purge failed in ${failed.length} workspace(s): ${failed.join("; ")}`);
    return { workspaces: workspaces.length, purged, skipped };
  };
}
