import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { sql, type Kysely, type RawBuilder } from "kysely";
import { newId } from "../../../core/ids.ts";
import type { BatchPosition, BulkRecordRow, BulkWriteTarget, ImportCheckpoint, RecordBulkWriter } from "../../../core/imports/record-bulk-writer.ts";
import type { WorkspaceRef } from "../../../core/members/member-repository.ts";
import type { RejectedRow } from "../../../core/ports/tabular-file-reader.ts";
import type { DatabaseHandle } from "../open-database.ts";
import { searchPath } from "../postgis-schema.ts";
import { derivedAssignments, geometrySql } from "../records/derived-columns-sql.ts";
import { tenantDatabase } from "../tenant-database.ts";
import { assertTenantSchemaName, tenantRoleName } from "../tenant-names.ts";


/** Runs one SQL statement in the batch's transaction; returns its rows. */
type Exec = (query: RawBuilder<unknown>) => Promise<Array<Record<string, unknown>>>;
/** Runs `work` under a savepoint: rolled back to it when `work` throws (the error is rethrown). */
type Savepoint = (work: () => Promise<void>) => Promise<void>;

/** Savepoints in plain SQL (PGlite through Kysely). */
const sqlSavepoint =
  (exec: Exec): Savepoint =>
  async (work) => {
    await exec(sql`savepoint import_step`);
    try {
      await work();
      await exec(sql`release savepoint import_step`);
    } catch (error) {
      await exec(sql`rollback to savepoint import_step`);
      throw error;
    }
  };

/** PGlite has no COPY FROM STDIN through our dialect: multi-row INSERTs of this many rows instead. */
const INSERT_CHUNK = 1000;

/** A COPY text-format field: JSON never holds raw tabs or newlines, but its backslashes must double. */
const copyText = (s: string): string => s.replaceAll("\\", "\\\\");

/** Why Postgres refused a row (geometry CHECK, malformed GeoJSON for PostGIS). */
function rowReason(error: unknown): string {
  const e = error as { code?: string; message?: string };
  if (e.code === "23514") return "the geometry is not valid (self-intersecting or otherwise invalid for PostGIS)";
  return `the database refused the row: ${e.message ?? String(error)}`.slice(0, 300);
}

/** Errors a single bad row can cause; anything else fails the batch (and the attempt is retried). */
function isRowError(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return code === "23514" || code === "22023" || code === "XX000" || code === "22P02" || code === "22003";
}

/**
 * The {@link RecordBulkWriter} on Postgres and PGlite. Each batch is one tenant transaction:
 * rows go into a temporary staging table (COPY FROM STDIN on Postgres, multi-row INSERT on
 * PGlite), then `insert into records ... select` computes title, promoted columns and geometry
 * in SQL (derived-columns-sql.ts), the version-1 rows follow the same way, the recordset's
 * count moves once and the checkpoint advances, all committed together.
 */
export class PostgresRecordBulkWriter implements RecordBulkWriter {
  readonly #handle: DatabaseHandle;

  constructor(handle: DatabaseHandle) {
    this.#handle = handle;
  }

  async checkpoint(ws: WorkspaceRef, jobId: string): Promise<ImportCheckpoint | null> {
    const row = await tenantDatabase(this.#handle, ws.schemaName).transaction((trx) =>
      trx.selectFrom("import_checkpoints").selectAll().where("job_id", "=", jobId).executeTakeFirst(),
    );
    return row
      ? {
          jobId: row.job_id,
          rowsDone: row.rows_done,
          lastRowNumber: row.last_row_number,
          imported: row.imported,
          rejected: row.rejected,
          totalRows: row.total_rows,
          updatedAt: new Date(row.updated_at),
        }
      : null;
  }

  async writeBatch(target: BulkWriteTarget, rows: readonly BulkRecordRow[], position: BatchPosition): Promise<{ imported: number; rejected: RejectedRow[] }> {
    const rowNumbers = rows.map((r) => r.rowNumber);
    const client = this.#handle.postgres;
    if (client) {
      const schema = target.ws.schemaName;
      assertTenantSchemaName(schema);
      const compiler = this.#handle.db as unknown as Kysely<unknown>;
      return (await client.begin(async (tx) => {
        await tx`select set_config('search_path', ${searchPath(schema, this.#handle.extensionSchema)}, true), set_config('role', ${tenantRoleName(schema)}, true)`;
        const exec: Exec = async (query) => {
          const compiled = query.compile(compiler);
          return (await tx.unsafe(compiled.sql, compiled.parameters as never[])) as unknown as Array<Record<string, unknown>>;
        };
        await exec(sql`create temp table import_staging (row_number integer, id uuid, version_id uuid, field_values jsonb) on commit drop`);
        if (rows.length > 0) {
          // The COPY must not fail on data: postgres.js 3.4.9 never settles a COPY FROM STDIN
          // the server refused (porsager/postgres#1173), which would stall the job and leak
          // the connection. Every value here is safe by construction: ids we generate, and
          // JSON of values validated as storable (core/text/storable-text.ts: no NUL, no
          // unpaired surrogate), with backslashes doubled for the text format.
          const writable = await tx`copy import_staging (row_number, id, version_id, field_values) from stdin`.writable();
          await pipeline(
            Readable.from(
              (function* () {
                for (let i = 0; i < rows.length; i += 500) {
                  let text = "";
                  for (let j = i; j < Math.min(i + 500, rows.length); j++) {
                    const r = rows[j]!;
                    text += `${r.rowNumber}\t${newId()}\t${newId()}\t${copyText(r.fieldValuesJson)}\n`;
                  }
                  yield text;
                }
              })(),
            ),
            writable,
          );
        }
        // postgres.js tracks savepoints itself: a raw ROLLBACK TO inside begin() leaves it thinking the transaction failed.
        const savepoint: Savepoint = async (work) => {
          await tx.savepoint(() => work());
        };
        return await this.#finishBatch(exec, savepoint, target, rowNumbers, position);
      })) as { imported: number; rejected: RejectedRow[] };
    }
    return await tenantDatabase(this.#handle, target.ws.schemaName).transaction(async (trx) => {
      const exec: Exec = async (query) => (await query.execute(trx)).rows as Array<Record<string, unknown>>;
      await exec(sql`create temp table import_staging (row_number integer, id uuid, version_id uuid, field_values jsonb) on commit drop`);
      for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
        const values = rows.slice(i, i + INSERT_CHUNK).map((r) => sql`(${r.rowNumber}, ${newId()}::uuid, ${newId()}::uuid, cast(cast(${r.fieldValuesJson} as text) as jsonb))`);
        await exec(sql`insert into import_staging (row_number, id, version_id, field_values) values ${sql.join(values)}`);
      }
      return await this.#finishBatch(exec, sqlSavepoint(exec), target, rowNumbers, position);
    });
  }

  /** From the staging table into records and versions; count and checkpoint. */
  async #finishBatch(exec: Exec, savepoint: Savepoint, target: BulkWriteTarget, rowNumbers: readonly number[], position: BatchPosition): Promise<{ imported: number; rejected: RejectedRow[] }> {
    const derived = derivedAssignments({ fields: target.recordset.fields, promoted: target.recordset.promoted, gis: target.recordset.gis });
    const columns = Object.keys(derived);
    const insert = (where: RawBuilder<unknown>): RawBuilder<unknown> =>
      sql`insert into records (id, recordset_id, field_values, created_by, updated_by, ${sql.join(columns.map((c) => sql.id(c)))})
          select id, ${target.recordset.id}::uuid, field_values, ${target.userId}::uuid, ${target.userId}::uuid, ${sql.join(columns.map((c) => derived[c]!))}
          from import_staging where ${where}`;
    const rejected: RejectedRow[] = [];
    if (rowNumbers.length > 0) {
      if (target.recordset.gis) {
        // Geometries PostGIS finds invalid (self-intersecting rings...) would fail the CHECK on
        // records: drop them from the staging table first, no exception involved.
        const invalid = await exec(sql`delete from import_staging where not coalesce(st_isvalid(${geometrySql(target.recordset.gis)}), true) returning row_number`);
        for (const row of invalid) rejected.push({ rowNumber: Number(row.row_number), reason: "the geometry is not valid (self-intersecting or otherwise invalid for PostGIS)" });
      }
      try {
        await savepoint(() => exec(insert(sql`true`)).then(() => undefined));
      } catch (error) {
        if (!isRowError(error)) throw error;
        // One row's geometry (or value) sank the batch: write row by row to find and drop it.
        for (const rowNumber of rowNumbers) {
          try {
            await savepoint(() => exec(insert(sql`row_number = ${rowNumber}`)).then(() => undefined));
          } catch (rowError) {
            if (!isRowError(rowError)) throw rowError;
            await exec(sql`delete from import_staging where row_number = ${rowNumber}`);
            rejected.push({ rowNumber, reason: rowReason(rowError) });
          }
        }
      }
      await exec(sql`insert into record_versions (id, record_id, version, field_values, status, tags, change_type, changed_by)
                     select version_id, id, 1, field_values, 'active', '[]'::jsonb, 'created', ${target.userId}::uuid from import_staging`);
    }
    const imported = rowNumbers.length - rejected.length;
    if (imported > 0) {
      await exec(sql`update recordsets set record_count = record_count + ${imported}, updated_at = now() where id = ${target.recordset.id}::uuid`);
    }
    const done = { ...position, imported: position.imported + imported, rejected: position.rejected + rejected.length };
    await exec(sql`insert into import_checkpoints (job_id, recordset_id, rows_done, last_row_number, imported, rejected, total_rows, updated_at)
                   values (${target.jobId}::uuid, ${target.recordset.id}::uuid, ${done.rowsDone}, ${done.lastRowNumber}, ${done.imported}, ${done.rejected}, ${done.totalRows}, now())
                   on conflict (job_id) do update set rows_done = excluded.rows_done, last_row_number = excluded.last_row_number,
                     imported = excluded.imported, rejected = excluded.rejected, total_rows = excluded.total_rows, updated_at = now()`);
    return { imported, rejected };
  }
}
