import { migratePlatform } from "../../adapters/postgres/migrator.ts";
import { openDatabase } from "../../adapters/postgres/open-database.ts";
import { ensurePGliteTemplate } from "./test-database.ts";

/**
 * Vitest global setup, once per run: builds (or reuses) the migrated PGlite template, and with
 * DATABASE_URL set migrates that database's platform schema. Tenant schemas are created by the
 * tests themselves.
 */
export default async function setup(): Promise<void> {
  await ensurePGliteTemplate();
  const url = process.env.DATABASE_URL;
  if (url) {
    const handle = await openDatabase({ url, dataDir: "", poolMax: 1 });
    try {
      await migratePlatform(handle.db);
    } finally {
      await handle.close();
    }
  }
}
