import type { Kysely } from "kysely";

/**
 * One schema migration, Kysely-style. `up` runs inside the migration transaction with
 * `search_path` set to the target schema then the PostGIS schema; for tenant migrations `db`
 * is also `withSchema(tenantSchema)`, so builder calls and unqualified raw SQL both land in
 * the tenant schema. Never edit a migration once released: append a new one.
 */
export interface Migration {
  /** Unique, sortable: `NNNN_what_it_does`. */
  readonly name: string;
  // Untyped: a migration runs against the schema as it was at that point, not today's types.
  up(db: Kysely<any>): Promise<void>;
}
