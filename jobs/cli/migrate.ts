import { createJsonLogger } from "../../adapters/logging/json-logger.ts";
import { runMigrations } from "../../adapters/postgres/run-migrations.ts";
import { loadConfig } from "../../app/config/load-config.ts";

/** `npm run db:migrate`: migrates the platform schema, then every tenant schema. Exit 0 or 1. */
async function main(): Promise<number> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    console.error((error as Error).message);
    return 1;
  }
  const logger = createJsonLogger(config.LOG_LEVEL, { service: "db-migrate" });
  return runMigrations(config, logger);
}

process.exitCode = await main();
