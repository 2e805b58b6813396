import { stringify } from "csv-stringify/sync";
import type { ObjectStorage } from "../ports/object-storage.ts";
import type { RejectedRow } from "../ports/tabular-file-reader.ts";

/**
 * A spreadsheet runs a cell starting with = + - @ (or tab / CR) as a formula: such cells get
 * a leading quote so the report shows the user's text, never runs it (CSV injection).
 */
export function neutraliseCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

const HEADER = ["row_number", "column", "reason"];

/**
 * The CSV of an import's rejected rows (row_number, column, reason), streamed into storage as
 * rows are rejected: a file with a million bad rows never sits in memory. The object is only
 * created on the first rejection, so a clean import leaves no report.
 */
export class ImportErrorReport {
  readonly key: string;
  #storage: ObjectStorage;
  #writer: WritableStreamDefaultWriter<Uint8Array> | null = null;
  #upload: Promise<unknown> | null = null;
  #encoder = new TextEncoder();
  #count = 0;
  readonly preview: RejectedRow[] = [];

  constructor(storage: ObjectStorage, key: string) {
    this.#storage = storage;
    this.key = key;
  }

  get count(): number {
    return this.#count;
  }

  async add(rows: readonly RejectedRow[]): Promise<void> {
    if (rows.length === 0) return;
    if (!this.#writer) {
      const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
      this.#writer = writable.getWriter();
      this.#upload = this.#storage.put(this.key, readable, { contentType: "text/csv; charset=utf-8" });
      // A failed upload surfaces at `finish`; until then writes must not hang on it.
      this.#upload.catch(() => undefined);
      await this.#writer.write(this.#encoder.encode(stringify([HEADER])));
    }
    for (const r of rows) if (this.preview.length < 20) this.preview.push(r);
    this.#count += rows.length;
    const text = stringify(rows.map((r) => [String(r.rowNumber), neutraliseCell(r.column ?? ""), neutraliseCell(r.reason)]));
    await this.#writer.write(this.#encoder.encode(text));
  }

  /** Closes the report; the storage key when one was written. */
  async finish(): Promise<string | null> {
    if (!this.#writer) return null;
    await this.#writer.close();
    await this.#upload;
    return this.key;
  }

  /** Drops a half-written report (the attempt failed). */
  async abort(): Promise<void> {
    if (!this.#writer) return;
    await this.#writer.abort(new Error("import attempt ended")).catch(() => undefined);
    await this.#upload?.catch(() => undefined);
    await this.#storage.delete(this.key).catch(() => undefined);
  }
}
