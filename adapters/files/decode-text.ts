/**
 * Decodes an uploaded text file to strings, chunk by chunk. UTF-8 (with or without BOM) is
 * the default; when the first 64 KB are not valid UTF-8 the file is taken as Windows-1252,
 * the encoding Excel on Windows writes CSVs in ("Latin-1" to most people).
 */
export type TextEncodingName = "utf-8" | "windows-1252";

const SNIFF_BYTES = 64 * 1024;

// Node's TextDecoder decodes "windows-1252" as ISO-8859-1 (0x80-0x9F become C1 controls), so
// those 32 bytes are mapped here from the WHATWG windows-1252 index.
const CP1252_C1 = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";

function decodeWindows1252(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 8192) {
    const slice = bytes.subarray(i, i + 8192);
    const chars = new Array<string>(slice.length);
    for (let j = 0; j < slice.length; j++) {
      const b = slice[j]!;
      chars[j] = b >= 0x80 && b <= 0x9f ? CP1252_C1[b - 0x80]! : String.fromCharCode(b);
    }
    out += chars.join("");
  }
  return out;
}

function isUtf8(bytes: Uint8Array, complete: boolean): boolean {
  try {
    // `stream: true` forgives a multi-byte sequence cut at the end of the sample.
    new TextDecoder("utf-8", { fatal: true }).decode(bytes, { stream: !complete });
    return true;
  } catch {
    return false;
  }
}

function concat(chunks: Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}

export type DecodedText = { encoding: TextEncodingName; chunks: AsyncGenerator<string> };

/**
 * Reads up to 64 KB to choose the encoding, then yields the whole text as strings. A UTF-8
 * BOM is dropped. With `utf8Only` (JSON, which RFC 8259 requires in UTF-8) no sniffing is done.
 */
export async function decodeText(bytes: AsyncIterable<Uint8Array>, options: { utf8Only?: boolean } = {}): Promise<DecodedText> {
  const iterator = bytes[Symbol.asyncIterator]();
  const head: Uint8Array[] = [];
  let headLength = 0;
  let ended = false;
  while (headLength < SNIFF_BYTES) {
    const next = await iterator.next();
    if (next.done) {
      ended = true;
      break;
    }
    head.push(next.value);
    headLength += next.value.byteLength;
  }
  const sample = concat(head, headLength);
  const encoding: TextEncodingName = options.utf8Only || isUtf8(sample, ended) ? "utf-8" : "windows-1252";

  async function* chunks(): AsyncGenerator<string> {
    try {
      if (encoding === "windows-1252") {
        yield decodeWindows1252(sample);
        while (!ended) {
          const next = await iterator.next();
          if (next.done) break;
          yield decodeWindows1252(next.value);
        }
        return;
      }
      // Not fatal past the sample: a stray bad byte deep in the file becomes U+FFFD in one cell.
      const decoder = new TextDecoder("utf-8");
      const first = decoder.decode(sample, { stream: true });
      if (first) yield first;
      while (!ended) {
        const next = await iterator.next();
        if (next.done) break;
        const text = decoder.decode(next.value, { stream: true });
        if (text) yield text;
      }
      const rest = decoder.decode();
      if (rest) yield rest;
    } finally {
      await iterator.return?.();
    }
  }
  return { encoding, chunks: chunks() };
}
