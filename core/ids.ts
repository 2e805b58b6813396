import { v7 } from "uuid";

/** A new time-ordered UUIDv7, generated in code so Postgres 15 and PGlite agree. */
export function newId(): string {
  return v7();
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True when `value` is a syntactically valid UUID (any version). */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
