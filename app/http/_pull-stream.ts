/**
 * A ReadableStream that pulls from an async iterable only when its reader wants
 * more (backpressure), emits `heartbeat()` when the producer has been quiet for
 * `heartbeatMs`, and on cancel (client disconnect) aborts the producer's signal
 * and closes its iterator, so the producer stops.
 */
export function pullStream<T, H>(
  produce: (signal: AbortSignal) => AsyncIterable<T>,
  options?: { heartbeatMs?: number; heartbeat?: () => H },
): ReadableStream<T | H>;
/**
 * The same, encoding each value (and heartbeat) with `encode` inside the stream: one
 * stream per response instead of a pipe through a TransformStream, which matters with
 * thousands of long-lived SSE connections per process.
 */
export function pullStream<T, H, E>(
  produce: (signal: AbortSignal) => AsyncIterable<T>,
  options: { heartbeatMs?: number; heartbeat?: () => H; encode: (value: T | H) => E },
): ReadableStream<E>;
export function pullStream<T, H, E>(
  produce: (signal: AbortSignal) => AsyncIterable<T>,
  options: { heartbeatMs?: number; heartbeat?: () => H; encode?: (value: T | H) => E } = {},
): ReadableStream<T | H | E> {
  const encode = options.encode ?? ((value: T | H) => value);
  const abort = new AbortController();
  let iterator: AsyncIterator<T> | undefined;
  // A next() still waiting when a heartbeat fired: reused on the following pull
  // so no value is ever dropped.
  let pending: Promise<IteratorResult<T>> | undefined;
  const quiet = Symbol("quiet");

  return new ReadableStream<T | H | E>(
    {
      start() {
        iterator = produce(abort.signal)[Symbol.asyncIterator]();
      },
      async pull(controller) {
        pending ??= iterator!.next();
        let timer: ReturnType<typeof setTimeout> | undefined;
        const { heartbeatMs, heartbeat } = options;
        const result =
          heartbeatMs && heartbeat
            ? await Promise.race([
                pending,
                new Promise<typeof quiet>((resolve) => (timer = setTimeout(() => resolve(quiet), heartbeatMs))),
              ])
            : await pending;
        clearTimeout(timer);
        if (result === quiet) {
          controller.enqueue(encode(heartbeat!()));
          return;
        }
        pending = undefined;
        if (result.done) controller.close();
        else controller.enqueue(encode(result.value));
      },
      cancel() {
        abort.abort();
        // Not awaited: a generator parked on an await finishes its return only once
        // it wakes; the aborted signal is what makes it wake promptly.
        iterator?.return?.().catch(() => undefined);
      },
    },
    { highWaterMark: 1 },
  );
}
