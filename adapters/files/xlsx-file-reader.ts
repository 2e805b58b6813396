import { createReadStream } from "node:fs";
import { mkdtemp, open, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type ExcelJS from "exceljs";
import { loadExcelJs } from "./load-exceljs.ts";
import { Unzip, UnzipInflate } from "fflate";
import { DomainError, Invalid, PayloadTooLarge } from "../../core/errors.ts";
import { normalizeHeaders } from "../../core/imports/normalize-headers.ts";
import type { CellValue, RejectedRow, TabularBatch, TabularFileFacts, TabularRow } from "../../core/ports/tabular-file-reader.ts";

export type XlsxLimits = {
  /** What the workbook may unzip to in total; more is treated as a zip bomb. */
  maxUncompressedBytes: number;
  /** How many entries the zip may hold (a real workbook has a few dozen). */
  maxEntries: number;
};

export const defaultXlsxLimits: XlsxLimits = { maxUncompressedBytes: 1024 * 1024 * 1024, maxEntries: 10_000 };

const mb = (n: number): string => `${Math.round(n / 1024 / 1024)} MB`;
// fflate inflates a pushed chunk at once; small pushes bound one step's output (deflate
// expands at most ~1032x) so the size cap is checked before memory runs away.
const PUSH_BYTES = 16 * 1024;

/**
 * Writes the upload to a temporary file while inflating every zip entry on the fly with
 * fflate, only to count: the upload is refused as soon as the entries add up to more than
 * the cap or there are too many of them, before the spreadsheet parser touches anything.
 */
async function spoolAndInspect(bytes: AsyncIterable<Uint8Array>, path: string, limits: XlsxLimits): Promise<void> {
  const handle = await open(path, "w");
  let inflated = 0;
  let entries = 0;
  let failure: DomainError | null = null;
  let first = true;
  const unzip = new Unzip((file) => {
    if (failure) return;
    if (++entries > limits.maxEntries) {
      failure = new PayloadTooLarge(`the workbook holds more than ${limits.maxEntries} zip entries; it looks like a zip bomb and was not opened`, { max_entries: limits.maxEntries });
      return;
    }
    file.ondata = (error, data) => {
      if (failure) return;
      if (error) {
        failure = new Invalid(`the workbook is damaged (${error.message})`);
        return;
      }
      inflated += data.byteLength;
      if (inflated > limits.maxUncompressedBytes) {
        failure = new PayloadTooLarge(`the workbook unzips to more than ${mb(limits.maxUncompressedBytes)}; it looks like a zip bomb and was not opened`, {
          max_uncompressed_bytes: limits.maxUncompressedBytes,
        });
        file.terminate();
      }
    };
    try {
      file.start();
    } catch (error) {
      failure = new Invalid(`the workbook uses an unsupported zip compression (${(error as Error).message})`);
    }
  });
  unzip.register(UnzipInflate);
  const push = (chunk: Uint8Array, final: boolean): void => {
    try {
      unzip.push(chunk, final);
    } catch (error) {
      failure ??= new Invalid(`the workbook is damaged (${(error as Error).message})`);
    }
    if (failure) throw failure;
  };
  try {
    for await (const chunk of bytes) {
      if (first && chunk.byteLength > 0) {
        first = false;
        if (chunk[0] === 0xd0 && chunk[1] === 0xcf) throw new Invalid("this is an Excel 97-2003 (.xls) file: save it as .xlsx (or CSV) and upload it again");
        if (chunk[0] !== 0x50 || chunk[1] !== 0x4b) throw new Invalid("the file is not an .xlsx workbook");
      }
      await handle.write(chunk);
      for (let i = 0; i < chunk.byteLength; i += PUSH_BYTES) push(chunk.subarray(i, i + PUSH_BYTES), false);
    }
    if (first) throw new Invalid("the file is empty");
    push(new Uint8Array(0), true);
  } finally {
    await handle.close();
  }
}

function isoOf(date: Date): string | null {
  if (Number.isNaN(date.getTime())) return null;
  const iso = date.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso;
}

/** A cell as exceljs hands it out, reduced to a plain value. Formulas give their cached result: nothing is evaluated. */
function cellValue(raw: unknown): CellValue {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === "string") return raw === "" ? null : raw;
  if (typeof raw === "number") return Number.isFinite(raw) ? raw : null;
  if (typeof raw === "boolean") return raw;
  if (raw instanceof Date) return isoOf(raw);
  if (typeof raw === "object") {
    const o = raw as { result?: unknown; formula?: unknown; sharedFormula?: unknown; richText?: Array<{ text?: string }>; text?: unknown; error?: unknown };
    if ("formula" in o || "sharedFormula" in o) return cellValue(o.result);
    if (Array.isArray(o.richText)) return cellValue(o.richText.map((r) => r.text ?? "").join(""));
    if ("text" in o) return cellValue(o.text);
  }
  // Error cells (#DIV/0!, #REF!) and anything unknown read as empty.
  return null;
}

const columnLetters = (n: number): string => {
  let s = "";
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
};

async function* readSheet(sheet: ExcelJS.stream.xlsx.WorksheetReader, batchSize: number): AsyncGenerator<TabularBatch> {
  const sheetName = (sheet as unknown as { name?: string }).name ?? null;
  let facts: TabularFileFacts | null = null;
  let rows: TabularRow[] = [];
  let rejected: RejectedRow[] = [];
  for await (const row of sheet) {
    // exceljs gives a sparse, 1-based array: Array.from fills the holes (map would keep them).
    const cells = Array.from(row.values as unknown[], cellValue);
    if (cells.every((v) => v === null)) continue;
    if (!facts) {
      const { headers, renamed } = normalizeHeaders(cells.slice(1).map((v) => (v === null ? "" : String(v))));
      facts = { format: "xlsx", encoding: null, delimiter: null, sheet: sheetName, headers, renamedHeaders: renamed };
      continue;
    }
    const beyond = cells.findIndex((v, i) => i > facts!.headers.length && v !== null);
    if (beyond > 0) {
      rejected.push({ rowNumber: row.number, column: columnLetters(beyond), reason: `a value in column ${columnLetters(beyond)} has no header` });
    } else {
      const values: Record<string, CellValue> = {};
      facts.headers.forEach((h, i) => {
        values[h] = cells[i + 1] ?? null;
      });
      rows.push({ rowNumber: row.number, values });
    }
    if (rows.length + rejected.length >= batchSize) {
      yield { file: facts, rows, rejected };
      rows = [];
      rejected = [];
    }
  }
  if (!facts) throw new Invalid(`the first worksheet${sheetName ? ` (${sheetName})` : ""} is empty`);
  yield { file: facts, rows, rejected };
}

/**
 * The first worksheet of an .xlsx workbook through exceljs's streaming reader, after the zip
 * was checked against the bomb limits. The upload is spooled to a temporary file (a zip's
 * directory is at its end, and the check needs a first pass); it is removed when reading ends.
 */
export async function* readXlsx(bytes: AsyncIterable<Uint8Array>, options: { batchSize: number; limits: XlsxLimits }): AsyncGenerator<TabularBatch> {
  const dir = await mkdtemp(join(tmpdir(), "fos-xlsx-"));
  const path = join(dir, "upload.xlsx");
  try {
    await spoolAndInspect(bytes, path, options.limits);
    const excel = await loadExcelJs();
    const input = createReadStream(path);
    try {
      const workbook = new excel.stream.xlsx.WorkbookReader(input, { worksheets: "emit", sharedStrings: "cache", styles: "cache", hyperlinks: "ignore", entries: "ignore" });
      let sheets = 0;
      for await (const sheet of workbook) {
        sheets++;
        yield* readSheet(sheet, options.batchSize);
        break;
      }
      if (sheets === 0) throw new Invalid("the workbook has no worksheet");
    } catch (error) {
      if (error instanceof DomainError) throw error;
      throw new Invalid(`the file is not a readable .xlsx workbook (${(error as Error).message})`);
    } finally {
      input.destroy();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
