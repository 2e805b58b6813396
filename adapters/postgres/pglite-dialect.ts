import type { PGlite, Results } from "@electric-sql/pglite";
import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  type QueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from "kysely";
import type { Logger } from "../../core/ports/logger.ts";
import { AsyncMutex } from "./async-mutex.ts";

/** Options of {@link PGliteDialect}. */
export interface PGliteDialectConfig {
  /** An opened PGlite instance; the dialect closes it on `db.destroy()`. */
  readonly pglite: PGlite;
  /** Shared with other code that talks to the same PGlite directly (e.g. streams). */
  readonly mutex?: AsyncMutex;
  readonly logger?: Logger;
  /** Warn when a caller waits this long for the connection (default 10 s). */
  readonly lockWaitWarnMs?: number;
}

/**
 * A Kysely dialect for PGlite, which is a single database session. The driver serialises:
 * a statement outside a transaction holds the session for that statement only; a transaction
 * holds it from BEGIN to COMMIT/ROLLBACK, so concurrent transactions never interleave.
 *
 * Deadlock to avoid: inside `db.transaction().execute(async (trx) => ...)`, use `trx`, never
 * `db`: a query on `db` waits for the transaction that is waiting for it. (On Postgres it would
 * silently run on a second connection, outside the transaction: a bug there too.)
 *
 * `.stream()` reads through a cursor: inside a transaction a plain cursor; outside, a
 * `WITH HOLD` cursor whose result is materialised by Postgres (spilling to disk, not JS memory)
 * so the session is released between FETCHes and a slow consumer does not block other requests.
 */
export class PGliteDialect implements Dialect {
  readonly #config: PGliteDialectConfig;

  constructor(config: PGliteDialectConfig) {
    this.#config = config;
  }

  createAdapter(): DialectAdapter {
    return new PostgresAdapter();
  }

  createDriver(): Driver {
    return new PGliteDriver(this.#config);
  }

  createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return new PostgresIntrospector(db);
  }

  createQueryCompiler(): QueryCompiler {
    return new PostgresQueryCompiler();
  }
}

class PGliteDriver implements Driver {
  readonly #pg: PGlite;
  readonly #mutex: AsyncMutex;
  readonly #acquire: () => Promise<() => void>;

  constructor(config: PGliteDialectConfig) {
    this.#pg = config.pglite;
    this.#mutex = config.mutex ?? new AsyncMutex();
    this.#acquire = lockWithWarning(this.#mutex, config.logger, config.lockWaitWarnMs ?? 10_000);
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    return new PGliteConnection(this.#pg, this.#acquire);
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    let statement = "begin";
    if (settings.isolationLevel) statement += ` isolation level ${settings.isolationLevel}`;
    if (settings.accessMode) statement += ` ${settings.accessMode}`;
    await asPGlite(connection).begin(statement);
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await asPGlite(connection).end("commit");
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await asPGlite(connection).end("rollback");
  }

  async savepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`savepoint ${quoteIdent(name)}`));
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`rollback to savepoint ${quoteIdent(name)}`));
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`release savepoint ${quoteIdent(name)}`));
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    // Only reached with an open transaction if Kysely's own commit/rollback threw.
    await asPGlite(connection).abandon();
  }

  async destroy(): Promise<void> {
    // Waits for in-flight work so close() does not cut a transaction in half.
    await this.#mutex.run(() => this.#pg.close());
  }
}

class PGliteConnection implements DatabaseConnection {
  readonly #pg: PGlite;
  readonly #acquire: () => Promise<() => void>;
  /** Set while this connection's transaction holds the session. */
  #release: (() => void) | null = null;

  constructor(pg: PGlite, acquire: () => Promise<() => void>) {
    this.#pg = pg;
    this.#acquire = acquire;
  }

  async begin(statement: string): Promise<void> {
    const release = await this.#acquire();
    try {
      await this.#pg.query(statement);
    } catch (error) {
      release();
      throw error;
    }
    this.#release = release;
  }

  async end(statement: "commit" | "rollback"): Promise<void> {
    try {
      await this.#pg.query(statement);
    } finally {
      this.#releaseSession();
    }
  }

  async abandon(): Promise<void> {
    if (!this.#release) return;
    try {
      await this.#pg.query("rollback");
    } catch {
      // The session is unusable only if PGlite itself died; nothing more to do here.
    } finally {
      this.#releaseSession();
    }
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    if (this.#release) return toQueryResult<R>(await this.#pg.query<R>(query.sql, [...query.parameters]));
    const release = await this.#acquire();
    try {
      return toQueryResult<R>(await this.#pg.query<R>(query.sql, [...query.parameters]));
    } finally {
      release();
    }
  }

  async *streamQuery<R>(query: CompiledQuery, chunkSize = 100): AsyncIterableIterator<QueryResult<R>> {
    const inTransaction = this.#release !== null;
    for await (const rows of streamCursor<R>(this.#pg, this.#acquire, { query, chunkSize, inTransaction })) {
      yield { rows };
    }
  }

  #releaseSession(): void {
    const release = this.#release;
    this.#release = null;
    release?.();
  }
}

/** Options of {@link streamCursor}. */
export interface CursorStreamOptions {
  readonly query: CompiledQuery;
  readonly chunkSize: number;
  /** Statements run in the cursor's transaction before DECLARE (e.g. transaction-local role). */
  readonly setup?: readonly CompiledQuery[];
  /** True when the caller already holds the session inside an open transaction. */
  readonly inTransaction: boolean;
}

let cursorCounter = 0;

/**
 * Reads `query` through a server-side cursor, `chunkSize` rows per FETCH, yielding each chunk.
 * Outside a transaction it declares a `WITH HOLD` cursor in a short transaction (running
 * `setup` first, so permissions are checked under e.g. a tenant role), then takes the session
 * only for each FETCH. Closing the iterator early closes the cursor.
 */
export async function* streamCursor<R>(
  pg: PGlite,
  acquire: () => Promise<() => void>,
  options: CursorStreamOptions,
): AsyncGenerator<R[], void, undefined> {
  const { query, chunkSize, setup = [], inTransaction } = options;
  if (!Number.isInteger(chunkSize) || chunkSize <= 0) throw new RangeError("chunkSize must be a positive integer");
  const cursor = `fos_cursor_${++cursorCounter}`;
  const run = async <T>(fn: () => Promise<T>): Promise<T> => {
    if (inTransaction) return fn();
    const release = await acquire();
    try {
      return await fn();
    } finally {
      release();
    }
  };

  if (inTransaction) {
    for (const statement of setup) await pg.query(statement.sql, [...statement.parameters]);
    await pg.query(`declare ${cursor} no scroll cursor for ${query.sql}`, [...query.parameters]);
  } else {
    await run(async () => {
      await pg.query("begin");
      try {
        for (const statement of setup) await pg.query(statement.sql, [...statement.parameters]);
        await pg.query(`declare ${cursor} no scroll cursor with hold for ${query.sql}`, [...query.parameters]);
        await pg.query("commit");
      } catch (error) {
        await pg.query("rollback").catch(() => undefined);
        throw error;
      }
    });
  }

  try {
    for (;;) {
      const { rows } = await run(() => pg.query<R>(`fetch ${chunkSize} from ${cursor}`));
      if (rows.length > 0) yield rows;
      if (rows.length < chunkSize) break;
    }
  } finally {
    // Fails harmlessly when an error already aborted the caller's transaction.
    await run(() => pg.query(`close ${cursor}`)).catch(() => undefined);
  }
}

/** Wraps `mutex.lock()` to log when a caller waits suspiciously long (usually a deadlock). */
export function lockWithWarning(mutex: AsyncMutex, logger: Logger | undefined, warnAfterMs: number): () => Promise<() => void> {
  return async () => {
    const timer = setTimeout(() => {
      logger?.warn("pglite: still waiting for the database session; is a query using `db` inside a transaction?", {
        waited_ms: warnAfterMs,
        waiting: mutex.waiting,
      });
    }, warnAfterMs);
    try {
      return await mutex.lock();
    } finally {
      clearTimeout(timer);
    }
  };
}

function toQueryResult<R>(result: Results<R>): QueryResult<R> {
  return {
    rows: result.rows,
    numAffectedRows: result.affectedRows === undefined ? undefined : BigInt(result.affectedRows),
  };
}

function asPGlite(connection: DatabaseConnection): PGliteConnection {
  if (!(connection instanceof PGliteConnection)) throw new TypeError("not a PGlite connection");
  return connection;
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
