import type { Config } from "../../app/config/config-schema.ts";
import type { Logger } from "../../core/ports/logger.ts";
import { migrateAllTenants, migratePlatform } from "./migrator.ts";
import { openDatabase } from "./open-database.ts";

/**
 * `npm run db:migrate`: opens the configured database, migrates the platform schema, then
 * every tenant schema (one failing tenant does not stop the others). Returns the exit code.
 */
export async function runMigrations(config: Config, logger: Logger): Promise<0 | 1> {
  let handle;
  try {
    handle = await openDatabase({
      url: config.DATABASE_URL,
      dataDir: config.DATA_DIR,
      poolMax: Math.min(config.DATABASE_POOL_MAX, 2),
      logger,
    });
  } catch (error) {
    logger.error("could not open the database", { error });
    return 1;
  }
  try {
    const platform = await migratePlatform(handle.db);
    logger.info("platform schema migrated", { applied: platform.applied });
    const tenants = await migrateAllTenants(handle.db, (p) => {
      const fields = { schema: p.schemaName, progress: `${p.index}/${p.total}`, applied: p.applied };
      if (p.error) logger.error("tenant schema migration failed", { ...fields, error: p.error });
      else logger.info("tenant schema migrated", fields);
    });
    logger.info("tenant schemas migrated", {
      total: tenants.total,
      migrated: tenants.migrated,
      failed: tenants.failed.map((f) => f.schemaName),
    });
    return tenants.failed.length === 0 ? 0 : 1;
  } catch (error) {
    logger.error("migration failed", { error });
    return 1;
  } finally {
    await handle.close();
  }
}
