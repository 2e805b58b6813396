import { pullStream } from "./_pull-stream.ts";

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
