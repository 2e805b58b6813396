/** A parsed server-sent event. */
export type ReceivedEvent = { event: string; id: string | null; data: unknown };

/**
 * Reads a `text/event-stream` response in a test: `next(match)` resolves with the first
 * event (from the start, not yet taken) that `match` accepts, or rejects after `timeoutMs`.
 */
export function sseClient(response: Response): {
  next(match?: (e: ReceivedEvent) => boolean, timeoutMs?: number): Promise<ReceivedEvent>;
  received: ReceivedEvent[];
  close(): Promise<void>;
} {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  const received: ReceivedEvent[] = [];
  const taken = new Set<ReceivedEvent>();
  let buffer = "";
  let waiters: Array<() => void> = [];
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const fields = block.split("\n").filter((l) => !l.startsWith(":"));
          if (fields.length === 0) continue;
          const get = (name: string) => fields.filter((l) => l.startsWith(`${name}: `)).map((l) => l.slice(name.length + 2));
          received.push({ event: get("event")[0] ?? "message", id: get("id")[0] ?? null, data: JSON.parse(get("data").join("\n")) });
        }
        for (const w of waiters) w();
        waiters = [];
      }
    } catch {
      // cancelled
    }
  })();
  return {
    received,
    async next(match = () => true, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = received.find((e) => !taken.has(e) && match(e));
        if (found) {
          taken.add(found);
          return found;
        }
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`no matching event within ${timeoutMs} ms; got ${JSON.stringify(received)}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, Math.min(left, 50));
        });
      }
    },
    async close() {
      await reader.cancel().catch(() => undefined);
    },
  };
}
