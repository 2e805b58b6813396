import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { postgis } from "@electric-sql/pglite-postgis";
import { CompiledQuery, Kysely } from "kysely";
import { PostgresJSDialect } from "kysely-postgres-js";
import postgres from "postgres";
import type { Logger } from "../../core/ports/logger.ts";
import { AsyncMutex } from "./async-mutex.ts";
import { lockDataDir } from "./data-dir-lock.ts";
import { lockWithWarning, PGliteDialect, streamCursor } from "./pglite-dialect.ts";
import type { PlatformDatabase } from "./platform-schema.ts";
import { DEFAULT_EXTENSION_SCHEMA, findPostgisSchema, searchPath } from "./postgis-schema.ts";

/** How to reach the database. */
export interface OpenDatabaseOptions {
  /** A Postgres URL; without it the embedded PGlite is used. */
  readonly url?: string;
  /** PGlite keeps its files in `${dataDir}/pglite`. */
  readonly dataDir: string;
  /** PGlite only: keep everything in memory (tests); `dataDir` is then unused. */
  readonly memory?: boolean;
  /** Postgres connection pool size (default 10). */
  readonly poolMax?: number;
  readonly logger?: Logger;
}

/** Options of {@link DatabaseHandle.streamQuery}. */
export interface StreamQueryOptions {
  /** Rows fetched per round trip (default 500). */
  readonly chunkSize?: number;
  /** Run first, in the same transaction (e.g. `set_config(..., true)` for a tenant role). */
  readonly setup?: readonly CompiledQuery[];
}

/** An open database: the Kysely instance plus what the rest of the app needs around it. */
export interface DatabaseHandle {
  /** Platform queries. Tenant data goes through `tenantDatabase(handle, schema)`. */
  readonly db: Kysely<PlatformDatabase>;
  readonly kind: "postgres" | "pglite";
  /** The schema PostGIS lives in (or will, once the platform migrations ran). */
  readonly extensionSchema: string;
  /**
   * Postgres only: the postgres.js client under `db`, for what Kysely cannot express
   * (COPY ... FROM STDIN for bulk imports). Undefined on PGlite.
   */
  readonly postgres?: postgres.Sql;
  /** Resolves when the database answers; throws otherwise. For health checks. */
  ping(): Promise<void>;
  /**
   * Rows of `query`, read through a server-side cursor with constant memory (NDJSON, SSE).
   * Breaking out of the loop closes the cursor. On PGlite the session is not held between
   * chunks, so a slow consumer does not block other requests.
   */
  streamQuery<R>(query: CompiledQuery<R>, options?: StreamQueryOptions): AsyncIterableIterator<R>;
  /** `streamQuery`, one FETCH's rows (at most `chunkSize`, never empty) at a time. */
  streamChunks<R>(query: CompiledQuery<R>, options?: StreamQueryOptions): AsyncIterableIterator<R[]>;
  /** Closes the pool / PGlite after in-flight work. */
  close(): Promise<void>;
}

/**
 * Opens Postgres (with `url`, through postgres.js) or the embedded PGlite + PostGIS.
 * Both sessions get `search_path = public, <postgis schema>`, so PostGIS functions and types
 * resolve unqualified. bigint (int8) columns read as JS numbers on both backends.
 *
 * @example
 * const handle = await openDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR });
 * await migratePlatform(handle.db);
 * const users = await handle.db.selectFrom("users").selectAll().execute();
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  const started = Date.now();
  const handle = options.url ? await openPostgres(options.url, options) : await openPGlite(options);
  options.logger?.info("database opened", { kind: handle.kind, ms: Date.now() - started });
  return handle;
}

async function openPostgres(url: string, options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  let client!: postgres.Sql;
  const connect = (extensionSchema: string): Kysely<PlatformDatabase> => {
    client = postgres(url, {
      max: options.poolMax ?? 10,
      // A startup parameter, so every pooled connection has it without an extra round trip.
      connection: { search_path: searchPath("public", extensionSchema), application_name: "fos-api" },
      // Same as PGlite: numbers. Counts and sums stay far below 2^53; ids are UUIDs.
      types: { int8: { to: 20, from: [20], serialize: (v: unknown) => String(v), parse: (v: string) => Number(v) } },
      onnotice: (notice) => options.logger?.debug("postgres notice", { message: notice.message }),
    });
    return new Kysely<PlatformDatabase>({ dialect: new PostgresJSDialect({ postgres: client }) });
  };

  let db = connect(DEFAULT_EXTENSION_SCHEMA);
  let found: string | null;
  try {
    found = await findPostgisSchema(db);
  } catch (error) {
    await db.destroy().catch(() => undefined);
    throw error;
  }
  if (found !== null && found !== DEFAULT_EXTENSION_SCHEMA && found !== "public") {
    // Rare: PostGIS installed elsewhere by hand. Reconnect with that schema on the path.
    await db.destroy();
    db = connect(found);
  }
  const opened = db;

  return {
    db: opened,
    kind: "postgres",
    extensionSchema: found ?? DEFAULT_EXTENSION_SCHEMA,
    postgres: client,
    ping: async () => {
      await opened.executeQuery(CompiledQuery.raw("select 1"));
    },
    streamQuery: <R>(query: CompiledQuery<R>, streamOptions: StreamQueryOptions = {}) => rowsOf(streamPostgres<R>(opened, query, streamOptions)),
    streamChunks: <R>(query: CompiledQuery<R>, streamOptions: StreamQueryOptions = {}) => streamPostgres<R>(opened, query, streamOptions),
    // end() with a timeout: a query issued while the pool is ending (a late poll after a
    // test or a shutdown) must not keep close() waiting forever; after 5 s it is cut off.
    close: async () => {
      await client.end({ timeout: 5 });
      await opened.destroy();
    },
  };
}

/** The rows of a chunked stream, one at a time. */
async function* rowsOf<R>(chunks: AsyncIterable<R[]>): AsyncGenerator<R, void, undefined> {
  for await (const chunk of chunks) yield* chunk;
}

async function* streamPostgres<R>(
  db: Kysely<PlatformDatabase>,
  query: CompiledQuery<R>,
  { chunkSize = 500, setup = [] }: StreamQueryOptions,
): AsyncGenerator<R[], void, undefined> {
  if (setup.length === 0) {
    for await (const chunk of db.getExecutor().stream(query, chunkSize)) if (chunk.rows.length > 0) yield chunk.rows;
    return;
  }
  const trx = await db.startTransaction().execute();
  let done = false;
  try {
    for (const statement of setup) await trx.executeQuery(statement);
    for await (const chunk of trx.getExecutor().stream(query, chunkSize)) if (chunk.rows.length > 0) yield chunk.rows;
    await trx.commit().execute();
    done = true;
  } finally {
    if (!done) await trx.rollback().execute().catch(() => undefined);
  }
}

async function openPGlite(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  let dataDir: string | undefined;
  let unlock = async (): Promise<void> => undefined;
  if (!options.memory) {
    dataDir = join(options.dataDir, "pglite");
    await mkdir(dataDir, { recursive: true });
    // The lock sits beside the PGlite folder, not inside it: Postgres owns that one.
    unlock = await lockDataDir(options.dataDir);
  }
  let pg: PGlite;
  try {
    pg = await PGlite.create({ dataDir, extensions: { postgis } });
  } catch (error) {
    await unlock();
    throw error;
  }
  const mutex = new AsyncMutex();
  const db = new Kysely<PlatformDatabase>({
    dialect: new PGliteDialect({ pglite: pg, mutex, logger: options.logger }),
  });
  let extensionSchema: string;
  try {
    extensionSchema = (await findPostgisSchema(db)) ?? DEFAULT_EXTENSION_SCHEMA;
    // One session, so a session-level setting applies to everything; transactions that
    // change it locally (tenants, migrations) get it back on COMMIT/ROLLBACK.
    await pg.query(`set search_path to ${searchPath("public", extensionSchema)}`);
  } catch (error) {
    await db.destroy().catch(() => undefined);
    await unlock();
    throw error;
  }
  const acquire = lockWithWarning(mutex, options.logger, 10_000);

  return {
    db,
    kind: "pglite",
    extensionSchema,
    ping: async () => {
      await db.executeQuery(CompiledQuery.raw("select 1"));
    },
    streamQuery: <R>(query: CompiledQuery<R>, { chunkSize = 500, setup = [] }: StreamQueryOptions = {}) =>
      rowsOf(streamCursor<R>(pg, acquire, { query, chunkSize, setup, inTransaction: false })),
    streamChunks: async function* <R>(query: CompiledQuery<R>, { chunkSize = 500, setup = [] }: StreamQueryOptions = {}) {
      for await (const rows of streamCursor<R>(pg, acquire, { query, chunkSize, setup, inTransaction: false })) if (rows.length > 0) yield rows;
    },
    close: async () => {
      await db.destroy();
      await unlock();
    },
  };
}
