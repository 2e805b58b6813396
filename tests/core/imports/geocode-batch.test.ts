import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { RateLimited } from "../../../core/errors.ts";
import { geocodeBatch } from "../../../core/imports/geocode-batch.ts";
import type { GeocodeResult, Geocoder } from "../../../core/ports/geocoder.ts";

// Fake timers: the helper's own clock (Date.now) and sleep (setTimeout) run in virtual time.
beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

/** A geocoder that records when (in virtual ms) it was called. */
function setup(rate: number, answer: (address: string) => GeocodeResult | null = (a) => ({ lat: 1, lng: 2, formattedAddress: a, confidence: 1 })) {
  const calls: Array<{ address: string; at: number }> = [];
  const geocoder: Geocoder = {
    kind: "fake",
    rateLimitPerSecond: rate,
    async geocode(address) {
      calls.push({ address, at: Date.now() });
      return answer(address);
    },
  };
  return { geocoder, calls, clock: {} };
}

/** Runs the batch while advancing virtual time until it settles. */
async function run<T>(promise: Promise<T>): Promise<T> {
  const settled = promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  await vi.runAllTimersAsync();
  const outcome = await settled;
  if ("error" in outcome) throw outcome.error;
  return outcome.value;
}

describe("geocodeBatch", () => {
  it("spaces calls evenly at the provider's rate, one at a time", async () => {
    const { geocoder, calls, clock } = setup(2);
    const results = await run(geocodeBatch(geocoder, ["a", "b", "c", "d"], clock));
    expect(results.map((r) => r?.formattedAddress)).toEqual(["a", "b", "c", "d"]);
    expect(calls.map((c) => c.at)).toEqual([0, 500, 1000, 1500]);
  });

  it("never exceeds the rate with concurrent workers", async () => {
    const { geocoder, calls, clock } = setup(10);
    await run(geocodeBatch(geocoder, Array.from({ length: 30 }, (_, i) => `addr ${i}`), { ...clock, concurrency: 5 }));
    const times = calls.map((c) => c.at).sort((a, b) => a - b);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(100);
  });

  it("asks once for repeated addresses and skips blank ones", async () => {
    const { geocoder, calls, clock } = setup(1000);
    const results = await run(geocodeBatch(geocoder, ["Paris", " paris ", "", "Lyon", "PARIS"], clock));
    expect(calls.map((c) => c.address)).toEqual(["Paris", "Lyon"]);
    expect(results.map((r) => r?.formattedAddress ?? null)).toEqual(["Paris", "Paris", null, "Lyon", "Paris"]);
  });

  it("does not pace an unlimited provider, and reports each result", async () => {
    const { geocoder, calls, clock } = setup(Number.POSITIVE_INFINITY, (a) => (a === "x" ? null : { lat: 0, lng: 0, formattedAddress: a, confidence: 0.5 }));
    const reported: Array<[number, string | null]> = [];
    await run(geocodeBatch(geocoder, ["a", "x", "b"], { ...clock, onResult: (i, r) => void reported.push([i, r?.formattedAddress ?? null]) }));
    expect(calls.every((c) => c.at === 0)).toBe(true);
    expect(reported.sort()).toEqual([
      [0, "a"],
      [1, null],
      [2, "b"],
    ]);
  });

  it("stops on an error and throws it, and stops starting calls once aborted", async () => {
    const { geocoder, calls, clock } = setup(100, (a) => {
      if (a === "boom") throw new RateLimited(5);
      return null;
    });
    await expect(run(geocodeBatch(geocoder, ["a", "boom", "b", "c"], { ...clock, concurrency: 1 }))).rejects.toBeInstanceOf(RateLimited);
    expect(calls.map((c) => c.address)).toEqual(["a", "boom"]);

    const controller = new AbortController();
    const second = setup(100);
    await run(geocodeBatch(second.geocoder, ["a", "b", "c"], { ...second.clock, concurrency: 1, signal: controller.signal, onResult: () => controller.abort() }));
    expect(second.calls).toHaveLength(1);
  });
});
