import { describe, expect, it } from "vitest";
import { ndjsonResponse } from "../../app/http/ndjson.ts";
import { ServerSentEventStream, sseResponse, type SseEvent } from "../../app/http/sse.ts";

const decoder = new TextDecoder();
async function readAll(response: Response): Promise<string> {
  return await response.text();
}

describe("ServerSentEventStream", () => {
  it("encodes events, ids, multi-line data and comments", async () => {
    const events: SseEvent[] = [
      { event: "progress", id: "7", data: { percent: 50 } },
      { data: "line one\nline two" },
      { comment: "ping" },
    ];
    const source = new ReadableStream<SseEvent>({
      start(controller) {
        for (const event of events) controller.enqueue(event);
        controller.close();
      },
    });
    const text = await new Response(source.pipeThrough(new ServerSentEventStream())).text();
    expect(text).toBe(
      'event: progress\nid: 7\ndata: {"percent":50}\n\n' + "data: line one\ndata: line two\n\n" + ": ping\n\n",
    );
  });
});

describe("sseResponse", () => {
  it("streams the producer's events with SSE headers", async () => {
    const response = sseResponse(async function* () {
      yield { event: "a", data: 1 };
      yield { event: "b", data: 2 };
    });
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(await readAll(response)).toBe("event: a\ndata: 1\n\nevent: b\ndata: 2\n\n");
  });

  it("sends heartbeats while the producer is quiet, without losing the next event", async () => {
    const response = sseResponse(
      async function* () {
        await new Promise((r) => setTimeout(r, 120));
        yield { data: "late" };
      },
      { heartbeatMs: 20 },
    );
    const text = await readAll(response);
    expect(text).toMatch(/^(: ping\n\n)+data: late\n\n$/);
    expect(text.match(/: ping/g)!.length).toBeGreaterThanOrEqual(2);
  });

  it("stops the producer when the client disconnects", async () => {
    let produced = 0;
    let stoppedBy: "signal" | "finally" | undefined;
    const response = sseResponse(async function* (signal) {
      try {
        while (!signal.aborted) {
          produced++;
          yield { data: produced };
          await new Promise((r) => setTimeout(r, 5));
        }
        stoppedBy = "signal";
      } finally {
        stoppedBy ??= "finally";
      }
    });
    const reader = response.body!.getReader();
    await reader.read();
    await reader.read();
    await reader.cancel();
    await new Promise((r) => setTimeout(r, 50));
    const after = produced;
    await new Promise((r) => setTimeout(r, 50));
    expect(stoppedBy).toBeDefined();
    expect(produced).toBe(after);
  });
});

describe("ndjsonResponse", () => {
  it("writes one JSON value per line", async () => {
    const response = ndjsonResponse(async function* () {
      yield { id: 1 };
      yield { __meta__: { count: 1 } };
    });
    expect(response.headers.get("content-type")).toMatch(/^application\/x-ndjson/);
    expect(await readAll(response)).toBe('{"id":1}\n{"__meta__":{"count":1}}\n');
  });

  it("respects backpressure: the producer runs only as far as the reader reads", async () => {
    let produced = 0;
    const response = ndjsonResponse(async function* () {
      for (let i = 0; i < 10_000; i++) {
        produced++;
        yield { i };
      }
    });
    const reader = response.body!.getReader();
    const first = await reader.read();
    expect(decoder.decode(first.value)).toBe('{"i":0}\n');
    await new Promise((r) => setTimeout(r, 30));
    // A few values may sit in the stream queues; nowhere near all of them.
    expect(produced).toBeLessThan(10);
    await reader.cancel();
  });
});
