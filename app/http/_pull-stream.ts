/**
 * A ReadableStream that pulls from an async iterable only when its reader wants
 * more (backpressure), emits `heartbeat()` when the producer has been quiet for
 * `heartbeatMs`, and on cancel (client disconnect) aborts the producer's signal
 * and closes its iterator, so the producer stops.
 */
export function pullStream<T, H>(
  produce: (signal: AbortSignal) => AsyncIterable<T>,
  options: { heartbeatMs?: number; heartbeat?: () => H } = {},
): ReadableStream<T | H> {
  const abort = new AbortController();
  let iterator: AsyncIterator<T> | undefined;
  // A next() still waiting when a heartbeat fired: reused on the following pull
  // so no value is ever dropped.
  let pending: Promise<IteratorResult<T>> | undefined;
  const quiet = Symbol("quiet");

  return new ReadableStream<T | H>(
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
          controller.enqueue(heartbeat!());
          return;
        }
        pending = undefined;
        if (result.done) controller.close();
        else controller.enqueue(result.value);
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
