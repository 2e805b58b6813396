import { once } from "node:events";
import { PassThrough, Readable } from "node:stream";
import { stringify } from "csv-stringify/sync";
import { loadExcelJs } from "./load-exceljs.ts";
import { neutraliseFormula, type ExportColumn } from "../../core/exports/export-columns.ts";
import type { ExportFormat } from "../../core/exports/export-job.ts";
import type { ExportRow } from "../../core/records/record-repository.ts";

/**
 * Writes an export file as a byte stream while rows arrive: hand `body` to storage first (it
 * is consumed as it is produced), then write batches; each `writeRows` resolves once the
 * stream has room again, so a slow store slows the database cursor instead of filling memory.
 */
export interface ExportFileWriter {
  readonly body: ReadableStream<Uint8Array>;
  writeRows(rows: readonly ExportRow[]): Promise<void>;
  /** Ends the file (closing brackets, the xlsx zip directory). */
  finish(): Promise<void>;
  /** Stops with an error: the upload reading `body` fails and stores nothing. */
  abort(error: unknown): void;
}

export type ExportFileSpec = {
  format: ExportFormat;
  /** CSV and XLSX columns. */
  columns: readonly ExportColumn[];
  /** GeoJSON: the field keys copied into each feature's properties. */
  propertyKeys: readonly string[];
  /** XLSX: the worksheet's name. */
  sheetName: string;
};

/** Above this many buffered bytes a batch waits for the reader (the store). */
const HIGH_WATER = 1024 * 1024;

async function roomIn(out: PassThrough): Promise<void> {
  if (out.destroyed) throw out.errored ?? new Error("the export stream was closed");
  if (out.writableNeedDrain || out.readableLength > HIGH_WATER) await once(out, "drain");
}

/** Sheet names: at most 31 characters, none of : \ / ? * [ ]. */
function sheetNameOf(name: string): string {
  return name.replace(/[:\\/?*[\]]/g, " ").trim().slice(0, 31) || "Export";
}

export async function openExportFileWriter(spec: ExportFileSpec): Promise<ExportFileWriter> {
  const out = new PassThrough({ highWaterMark: HIGH_WATER });
  const body = Readable.toWeb(out) as unknown as ReadableStream<Uint8Array>;
  const abort = (error: unknown): void => {
    if (!out.destroyed) out.destroy(error instanceof Error ? error : new Error(String(error)));
  };
  if (spec.format === "xlsx") return xlsxWriter(await loadExcelJs(), spec, out, body, abort);

  const write = async (text: string): Promise<void> => {
    out.write(text);
    await roomIn(out);
  };
  let started = false;
  let first = true;
  const start = async (): Promise<void> => {
    if (started) return;
    started = true;
    if (spec.format === "csv") {
      // The BOM makes Excel read the file as UTF-8; the header row is neutralised like any cell.
      await write("\uFEFF" + stringify([spec.columns.map((c) => neutraliseFormula(c.header))]));
    } else {
      await write('{"type":"FeatureCollection","features":[\n');
    }
  };
  return {
    body,
    abort,
    async writeRows(rows) {
      await start();
      if (rows.length === 0) return;
      if (spec.format === "csv") {
        await write(stringify(rows.map((row) => spec.columns.map((c) => neutraliseFormula(c.cell(row)))), { cast: { boolean: (v) => String(v) } }));
        return;
      }
      const lines = rows.map((row) => {
        const properties: Record<string, unknown> = {};
        for (const key of spec.propertyKeys) properties[key] = row.fieldValues[key] ?? null;
        // The geometry is Postgres's GeoJSON text, spliced in as is (never parsed here).
        const line = `{"type":"Feature","id":${JSON.stringify(row.id)},"geometry":${row.geometry ?? "null"},"properties":${JSON.stringify(properties)}}`;
        const text = first ? line : `,\n${line}`;
        first = false;
        return text;
      });
      await write(lines.join(""));
    },
    async finish() {
      await start();
      if (spec.format === "geojson") out.write("\n]}\n");
      out.end();
    },
  };
}

function xlsxWriter(excel: Awaited<ReturnType<typeof loadExcelJs>>, spec: ExportFileSpec, out: PassThrough, body: ReadableStream<Uint8Array>, abort: (error: unknown) => void): ExportFileWriter {
  // Streaming writer: rows are zipped and flushed as they are committed; no shared-strings
  // table, so memory does not grow with the number of distinct texts.
  const workbook = new excel.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: false });
  const sheet = workbook.addWorksheet(sheetNameOf(spec.sheetName));
  sheet.addRow(spec.columns.map((c) => c.header)).commit();
  return {
    body,
    abort,
    async writeRows(rows) {
      for (const row of rows) sheet.addRow(spec.columns.map((c) => c.cell(row))).commit();
      await roomIn(out);
    },
    async finish() {
      sheet.commit();
      await workbook.commit();
    },
  };
}
