import { pullStream } from "./_pull-stream.ts";

/** One server-sent event, or a comment line (used for heartbeats). */
export type SseEvent =
  | { event?: string; id?: string; retry?: number; data: unknown }
  | { comment: string };

const encoder = new TextEncoder();

function encodeField(name: string, value: string): string {
  // A field value cannot contain newlines: each line becomes its own field.
  return value
    .split(/\r\n|\r|\n/)
    .map((line) => `${name}: ${line}\n`)
    .join("");
}

/**
 * Encodes {@link SseEvent}s as `text/event-stream` bytes. Non-string `data` is
 * JSON-encoded.
 *
 * @example
 * readable.pipeThrough(new ServerSentEventStream());
 */
/** The bytes of one {@link SseEvent}. Non-string `data` is JSON-encoded. */
export function encodeSseEvent(message: SseEvent): Uint8Array {
  if ("comment" in message) return encoder.encode(`: ${message.comment.replace(/[\r\n]+/g, " ")}\n\n`);
  let text = "";
  if (message.event) text += encodeField("event", message.event);
  if (message.id !== undefined) text += encodeField("id", message.id);
  if (message.retry !== undefined) text += `retry: ${Math.trunc(message.retry)}\n`;
  const data = typeof message.data === "string" ? message.data : JSON.stringify(message.data);
  text += encodeField("data", data ?? "null");
  return encoder.encode(text + "\n");
}

/**
 * Encodes {@link SseEvent}s as `text/event-stream` bytes, for composing streams.
 *
 * @example
 * readable.pipeThrough(new ServerSentEventStream());
 */
export class ServerSentEventStream extends TransformStream<SseEvent, Uint8Array> {
  constructor() {
    super({
      transform(message, controller) {
        controller.enqueue(encodeSseEvent(message));
      },
    });
  }
}

export const sseHeaders = {
  "content-type": "text/event-stream; charset=utf-8",
  "cache-control": "no-cache, no-transform",
  connection: "keep-alive",
  // Tells nginx-style proxies not to buffer the stream.
  "x-accel-buffering": "no",
} as const;

/**
 * A streaming SSE response. `produce` is called once with a signal that aborts
 * when the client goes away; it yields events as they happen. A `: ping`
 * comment is sent after `heartbeatMs` of silence so proxies keep the stream open.
 *
 * @example
 * return sseResponse(async function* (signal) {
 *   for await (const update of watchJob(id, signal)) yield { event: "progress", data: update };
 * });
 */
export function sseResponse(
  produce: (signal: AbortSignal) => AsyncIterable<SseEvent>,
  options: { heartbeatMs?: number; headers?: Record<string, string> } = {},
): Response {
  const body = pullStream(produce, {
    heartbeatMs: options.heartbeatMs ?? 15_000,
    heartbeat: (): SseEvent => ({ comment: "ping" }),
    encode: encodeSseEvent,
  });
  return new Response(body, { status: 200, headers: { ...sseHeaders, ...options.headers } });
}
