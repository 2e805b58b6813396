import { manageCommit } from "./commit-hooks.ts";
import {
  sql,
  type CompiledQuery,
  type IsolationLevel,
  type Kysely,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type Transaction,
  type UnknownRow,
} from "kysely";
import type { DatabaseHandle } from "./open-database.ts";
import { searchPath } from "./postgis-schema.ts";
import type { TenantDatabase } from "./tenant-schema.ts";
import { assertTenantSchemaName, tenantRoleName } from "./tenant-names.ts";

/*
 * Tenant isolation has two layers:
 * 1. Naming: every query goes through `withSchema(schemaName)`, so builder queries name the
 *    tenant's tables.
 * 2. Enforcement by Postgres: each unit of work is a transaction that first runs
 *    `set_config('search_path', '<tenant>, <postgis>', true), set_config('role', <tenant role>, true)`
 *    (one round trip; both are transaction-local, so pooled connections come back clean).
 *    The tenant role is NOLOGIN with USAGE on its own schema and the PostGIS schema and DML on
 *    its tables only: `public.users` or `ws_<other>.records` fail with "permission denied", and
 *    unqualified names in raw SQL resolve to the tenant schema. (Where PostGIS was installed in
 *    `public` before us, `public` is on the path too, but its tables still deny the role.)
 * Both work the same on PGlite (verified: CREATE ROLE, set_config('role') and the permission
 * errors behave as on Postgres; PGlite's session user is a superuser, like a typical dev DB).
 *
 * Limit: SET ROLE is not a sandbox against arbitrary SQL. Postgres lets the session go back
 * with RESET ROLE, so the guard plugin below rejects raw SQL that touches role or
 * search_path; never run SQL text that came from a user.
 */

/** Options of {@link TenantHandle.transaction}. */
export interface TenantTransactionOptions {
  readonly isolationLevel?: IsolationLevel;
  readonly readOnly?: boolean;
}

/** Options of {@link TenantHandle.stream}. */
export interface TenantStreamOptions {
  /** Rows per FETCH (default 500). */
  readonly chunkSize?: number;
}

/** A select query builder or a `sql` template, built on the scoped `db` given to `stream`. */
export interface TenantQuery<R> {
  compile(db: Kysely<TenantDatabase>): CompiledQuery<R>;
}

/** Database access confined to one workspace schema. */
export interface TenantHandle {
  readonly schemaName: string;
  readonly roleName: string;
  /**
   * Runs `work` in a transaction as the tenant role; `trx` is scoped to the tenant schema.
   * Commits when `work` resolves, rolls back when it throws.
   */
  transaction<T>(work: (trx: Transaction<TenantDatabase>) => Promise<T>, options?: TenantTransactionOptions): Promise<T>;
  /**
   * Streams the rows of the query built by `build`, as the tenant role, through a cursor with
   * constant memory. Build the query on the `db` given (it is scoped to the schema).
   */
  stream<R>(build: (db: Kysely<TenantDatabase>) => TenantQuery<R>, options?: TenantStreamOptions): AsyncIterableIterator<R>;
  /**
   * `stream`, a FETCH's rows at a time: for hot paths (map stream, exports) where a hop
   * through an async generator per row costs more than the work done on the row.
   */
  streamChunks<R>(build: (db: Kysely<TenantDatabase>) => TenantQuery<R>, options?: TenantStreamOptions): AsyncIterableIterator<R[]>;
}

/**
 * A handle for the tenant schema `schemaName` (from `createTenantSchema` or
 * `workspaces.schema_name`). Cheap: create one per request.
 *
 * @example
 * const tenant = tenantDatabase(handle, workspace.schema_name);
 * const theme = await tenant.transaction((trx) =>
 *   trx.selectFrom("settings").select("value").where("key", "=", "theme").executeTakeFirst());
 */
export function tenantDatabase(handle: DatabaseHandle, schemaName: string): TenantHandle {
  assertTenantSchemaName(schemaName);
  const roleName = tenantRoleName(schemaName);
  const enter = sql`select set_config('search_path', ${searchPath(schemaName, handle.extensionSchema)}, true), set_config('role', ${roleName}, true)`;
  const root = handle.db as unknown as Kysely<TenantDatabase>;
  const guard = new TenantGuardPlugin();

  return {
    schemaName,
    roleName,
    async transaction(work, options = {}) {
      let builder = root.transaction();
      if (options.isolationLevel) builder = builder.setIsolationLevel(options.isolationLevel);
      if (options.readOnly) builder = builder.setAccessMode("read only");
      let commit: ReturnType<typeof manageCommit> | undefined;
      try {
        const result = await builder.execute(async (trx) => {
          await enter.execute(trx);
          const scoped = trx.withSchema(schemaName).withPlugin(guard);
          commit = manageCommit(scoped);
          return work(scoped);
        });
        commit?.settle(true);
        return result;
      } catch (error) {
        commit?.settle(false);
        throw error;
      }
    },
    stream(build, options = {}) {
      const scoped = root.withSchema(schemaName).withPlugin(guard);
      const query = build(scoped).compile(scoped);
      return handle.streamQuery(query, { chunkSize: options.chunkSize ?? 500, setup: [enter.compile(root)] });
    },
    streamChunks(build, options = {}) {
      const scoped = root.withSchema(schemaName).withPlugin(guard);
      const query = build(scoped).compile(scoped);
      return handle.streamChunks(query, { chunkSize: options.chunkSize ?? 500, setup: [enter.compile(root)] });
    },
  };
}

/** Raw SQL that would leave the tenant's role or search path. */
const ESCAPE = /\b(?:reset|set)\s+(?:(?:local|session)\s+)?(?:role|session\s+authorization|search_path)\b|\bset_config\s*\(/i;

/** Rejects raw SQL fragments that try to leave the tenant context (see the module comment). */
class TenantGuardPlugin implements KyselyPlugin {
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    if (containsEscape(args.node)) throw new Error("raw SQL may not change role or search_path in a tenant transaction");
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

function containsEscape(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(containsEscape);
  if (node === null || typeof node !== "object") return false;
  const record = node as Record<string, unknown>;
  if (record.kind === "ValueNode" || record.kind === "ValueListNode") return false; // user data, not SQL
  if (record.kind === "RawNode" && Array.isArray(record.sqlFragments) && ESCAPE.test(record.sqlFragments.join(" "))) {
    return true;
  }
  return Object.values(record).some(containsEscape);
}
