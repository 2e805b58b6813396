import { DomainError } from "../../core/errors.ts";
import { pullStream } from "./_pull-stream.ts";
import { problem, problemFromDomainError } from "./problem.ts";

const encoder = new TextEncoder();

/**
 * Encodes each value as one line of JSON (`application/x-ndjson`).
 *
 * @example
 * readable.pipeThrough(new NdjsonStringifyStream());
 */
export class NdjsonStringifyStream extends TransformStream<unknown, Uint8Array> {
  constructor() {
    super({
      transform(value, controller) {
        controller.enqueue(encoder.encode(JSON.stringify(value) + "\n"));
      },
    });
  }
}

export const ndjsonContentType = "application/x-ndjson";

/**
 * A streaming NDJSON response pulled from `produce` as the client reads
 * (backpressure reaches the producer, e.g. a database cursor); the signal aborts
 * when the client disconnects.
 */
export function ndjsonResponse(
  produce: (signal: AbortSignal) => AsyncIterable<unknown>,
  options: { headers?: Record<string, string> } = {},
): Response {
  const body = pullStream(produce, { encode: (value: unknown) => encoder.encode(JSON.stringify(value) + "\n") });
  return new Response(body, {
    status: 200,
    headers: { "content-type": `${ndjsonContentType}; charset=utf-8`, "cache-control": "no-cache", ...options.headers },
  });
}

/** Lines are gathered into chunks of about this size: one enqueue (and one socket write) per
 * chunk instead of per line, which is what lets a map stream reach 100k+ lines per second. */
const BATCH_BYTES = 64 * 1024;

/**
 * The final line of a stream that failed after its first byte (the status is already sent):
 * `{"__error__": <problem document>}`. Domain errors keep their status and code; anything else
 * is a 500 whose detail never leaks internals.
 */
export function ndjsonErrorLine(error: unknown): string {
  const body = error instanceof DomainError ? problemFromDomainError(error) : problem(500, "internal_error", "the stream failed before it could finish");
  return JSON.stringify({ __error__: body });
}

async function* batchLines(lines: AsyncIterable<readonly string[]>, onError: (error: unknown) => void): AsyncGenerator<string> {
  let batch = "";
  try {
    for await (const group of lines) {
      if (group.length === 0) continue;
      batch += group.join("\n") + "\n";
      if (batch.length >= BATCH_BYTES) {
        yield batch;
        batch = "";
      }
    }
  } catch (error) {
    onError(error);
    batch += ndjsonErrorLine(error) + "\n";
  }
  if (batch) yield batch;
}

/**
 * A streaming NDJSON response from lines already encoded as JSON text (e.g. built by
 * Postgres), without a parse/stringify round trip. The producer yields lines in groups (a
 * database fetch each: one async hop per group, not per line); they are batched into ~64 KB chunks;
 * the stream holds at most one chunk ahead of the reader, so a slow client pauses the
 * producer (constant memory). A producer failure mid-stream ends the body with
 * {@link ndjsonErrorLine} (after `onError`, e.g. to log it); errors before the first line
 * should be thrown before calling this, to get a normal problem+json response.
 *
 * @example
 * return ndjsonLinesResponse(() => lines, { onError: (e) => logger.error("map stream failed", { error: e }) });
 */
export function ndjsonLinesResponse(
  produce: (signal: AbortSignal) => AsyncIterable<readonly string[]>,
  options: { headers?: Record<string, string>; onError?: (error: unknown) => void } = {},
): Response {
  const onError = options.onError ?? (() => undefined);
  const body = pullStream((signal) => batchLines(produce(signal), onError), { encode: (text: string) => encoder.encode(text) });
  return new Response(body, {
    status: 200,
    headers: { "content-type": `${ndjsonContentType}; charset=utf-8`, "cache-control": "no-cache", ...options.headers },
  });
}
