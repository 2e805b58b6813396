import { sql, type RawBuilder } from "kysely";

/**
 * A jsonb value for inserts and updates. postgres.js and PGlite serialise plain objects and
 * arrays differently (postgres.js sends an array as a Postgres array, and JSON-encodes again
 * any string bound to a jsonb parameter), so the value is bound as text and cast in SQL.
 *
 * @example
 * await db.insertInto("api_keys").values({ ..., scopes: jsonb(["records:read"]) }).execute();
 */
export function jsonb<T>(value: T): RawBuilder<T> {
  return sql<T>`cast(cast(${JSON.stringify(value)} as text) as jsonb)`;
}
