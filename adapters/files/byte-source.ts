import { PayloadTooLarge } from "../../core/errors.ts";
import type { ByteSource } from "../../core/ports/tabular-file-reader.ts";

/**
 * The bytes of a web stream or Node stream, as one async iterable. Stopping early cancels a
 * web stream (so an HTTP body or storage download is not left half-read).
 */
export async function* iterateBytes(source: ByteSource): AsyncGenerator<Uint8Array> {
  if (!(source instanceof ReadableStream)) {
    yield* source;
    return;
  }
  const reader = source.getReader();
  let done = false;
  try {
    while (true) {
      const next = await reader.read();
      if (next.done) {
        done = true;
        return;
      }
      yield next.value;
    }
  } finally {
    if (!done) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

const mib = (n: number): string => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;

/** Passes bytes through and fails with `PayloadTooLarge` as soon as more than `maxBytes` went by. */
export async function* limitBytes(bytes: AsyncIterable<Uint8Array>, maxBytes: number | undefined): AsyncGenerator<Uint8Array> {
  let seen = 0;
  for await (const chunk of bytes) {
    seen += chunk.byteLength;
    if (maxBytes !== undefined && seen > maxBytes) {
      throw new PayloadTooLarge(`the file is larger than the ${mib(maxBytes)} limit`, { limit_bytes: maxBytes });
    }
    yield chunk;
  }
}
