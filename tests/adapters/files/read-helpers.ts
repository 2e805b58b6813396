import { StreamingTabularFileReader } from "../../../adapters/files/streaming-tabular-file-reader.ts";
import type { ByteSource, RejectedRow, TabularFileFacts, TabularReadOptions, TabularRow } from "../../../core/ports/tabular-file-reader.ts";

export const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

/** A web stream yielding `bytes` in pieces of `size` (small pieces cut multi-byte characters and rows). */
export function chunked(bytes: Uint8Array, size = 7): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= bytes.byteLength) return controller.close();
      controller.enqueue(bytes.slice(offset, offset + size));
      offset += size;
    },
  });
}

export type ReadResult = { file: TabularFileFacts; rows: TabularRow[]; rejected: RejectedRow[]; batches: number };

export async function readAll(source: ByteSource | Uint8Array, options: TabularReadOptions, reader = new StreamingTabularFileReader()): Promise<ReadResult> {
  const input = source instanceof Uint8Array ? chunked(source) : source;
  let file: TabularFileFacts | null = null;
  const rows: TabularRow[] = [];
  const rejected: RejectedRow[] = [];
  let batches = 0;
  for await (const batch of reader.read(input, options)) {
    batches++;
    file = batch.file;
    rows.push(...batch.rows);
    rejected.push(...batch.rejected);
  }
  if (!file) throw new Error("no batch");
  return { file, rows, rejected, batches };
}
