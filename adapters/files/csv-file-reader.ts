import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { parse, type CsvError, type Options } from "csv-parse";
import { Invalid } from "../../core/errors.ts";
import { normalizeHeaders } from "../../core/imports/normalize-headers.ts";
import type { CellValue, RejectedRow, TabularBatch, TabularFileFacts, TabularRow } from "../../core/ports/tabular-file-reader.ts";
import { decodeText } from "./decode-text.ts";
import { sniffDelimiter } from "./sniff-delimiter.ts";

/** A row longer than this is refused: it is almost always a quote that never closes. */
const MAX_RECORD_BYTES = 1024 * 1024;

type Parsed = { n: number; record: string[] };

function reasonOf(error: CsvError): string {
  switch (error.code) {
    case "CSV_QUOTE_NOT_CLOSED":
      return "a quote opened in this row is never closed: this row and the rest of the file could not be read";
    case "CSV_MAX_RECORD_SIZE":
      return `the row is longer than ${MAX_RECORD_BYTES / 1024 / 1024} MB (usually a quote that never closes): this row and the rest of the file could not be read`;
    default:
      return `the row could not be parsed: ${error.message}`;
  }
}

/**
 * CSV rows through csv-parse. Rows whose field count differs from the header's are rejected
 * (trailing empty fields excepted), as are rows broken by quoting; the import goes on.
 */
export async function* readCsv(bytes: AsyncIterable<Uint8Array>, options: { batchSize: number; delimiter?: string }): AsyncGenerator<TabularBatch> {
  const { encoding, chunks } = await decodeText(bytes);
  const first = await chunks.next();
  const head = first.done ? "" : first.value;
  const delimiter = options.delimiter ?? sniffDelimiter(head);

  let recordNumber = 0;
  let pending: RejectedRow[] = [];
  const csvOptions: Options<Parsed, string[]> = {
    delimiter,
    relax_quotes: true,
    relax_column_count: true,
    skip_records_with_error: true,
    max_record_size: MAX_RECORD_BYTES,
    // Both callbacks run in file order, so one counter numbers rows and rejected rows alike.
    on_record: (record: string[]): Parsed => ({ n: ++recordNumber, record }),
    on_skip: (error: CsvError | undefined) => {
      pending.push({ rowNumber: ++recordNumber, reason: error ? reasonOf(error) : "the row could not be parsed" });
      return undefined;
    },
  };
  // csv-parse's overloads only type `on_record`'s result together with `columns`.
  const parser = parse(csvOptions as unknown as Options);
  const text = Readable.from(
    (async function* () {
      if (head) yield head;
      yield* chunks;
    })(),
  );
  const piping = pipeline(text, parser).catch(() => undefined); // errors surface through the parser's iterator

  let facts: TabularFileFacts | null = null;
  let rows: TabularRow[] = [];
  try {
    for await (const { n, record } of parser as AsyncIterable<Parsed>) {
      // Blank lines are skipped but still counted, so row numbers match the spreadsheet's.
      if (record.every((v) => v.trim() === "")) continue;
      if (!facts) {
        const { headers, renamed } = normalizeHeaders(record);
        facts = { format: "csv", encoding, delimiter, sheet: null, headers, renamedHeaders: renamed };
        continue;
      }
      const { headers } = facts;
      const extra = record.slice(headers.length);
      if (record.length < headers.length || extra.some((v) => v.trim() !== "")) {
        pending.push({ rowNumber: n, reason: `expected ${headers.length} fields, found ${record.length}` });
      } else {
        const values: Record<string, CellValue> = {};
        headers.forEach((h, i) => {
          const v = record[i]!;
          values[h] = v === "" ? null : v;
        });
        rows.push({ rowNumber: n, values });
      }
      if (rows.length >= options.batchSize) {
        yield { file: facts, rows, rejected: pending };
        rows = [];
        pending = [];
      }
    }
  } finally {
    parser.destroy();
    await piping;
  }
  if (!facts) {
    if (pending.length) throw new Invalid(`the file has no readable header row: ${pending[0]!.reason}`);
    throw new Invalid("the file is empty");
  }
  yield { file: facts, rows, rejected: pending };
}
