import { sql, type Kysely } from "kysely";

/** Where a fresh database gets PostGIS (see platform migration 0001). */
export const DEFAULT_EXTENSION_SCHEMA = "extensions";

/** The schema PostGIS is installed in, or null when it is not installed. */
export async function findPostgisSchema(db: Kysely<any>): Promise<string | null> {
  const { rows } = await sql<{ schema: string }>`
    select n.nspname as schema from pg_extension e join pg_namespace n on n.oid = e.extnamespace
    where e.extname = 'postgis'`.execute(db);
  return rows[0]?.schema ?? null;
}

/** A `search_path` value naming `schemas` in order, each quoted. */
export function searchPath(...schemas: string[]): string {
  return [...new Set(schemas)].map((s) => `"${s.replaceAll('"', '""')}"`).join(", ");
}
