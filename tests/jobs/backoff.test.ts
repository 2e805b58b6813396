import { describe, expect, test } from "vitest";
import { backoffDelayMs, defaultBackoff, type BackoffPolicy } from "../../core/jobs/backoff.ts";

const noJitter: BackoffPolicy = { baseMs: 1_000, factor: 2, maxMs: 60_000, jitter: 0 };

describe("backoffDelayMs", () => {
  test("grows exponentially from the base", () => {
    expect([1, 2, 3, 4, 5].map((n) => backoffDelayMs(n, noJitter))).toEqual([1_000, 2_000, 4_000, 8_000, 16_000]);
  });

  test("is capped at maxMs, even for huge attempt numbers", () => {
    expect(backoffDelayMs(7, noJitter)).toBe(60_000);
    expect(backoffDelayMs(10_000, noJitter)).toBe(60_000);
  });

  test("treats attempts below 1 (and fractions) as the first", () => {
    expect(backoffDelayMs(0, noJitter)).toBe(1_000);
    expect(backoffDelayMs(-3, noJitter)).toBe(1_000);
    expect(backoffDelayMs(2.9, noJitter)).toBe(2_000);
  });

  test("jitter takes off up to its fraction of the delay", () => {
    const policy = { ...noJitter, jitter: 0.5 };
    expect(backoffDelayMs(3, policy, () => 0)).toBe(4_000);
    expect(backoffDelayMs(3, policy, () => 0.5)).toBe(3_000);
    expect(backoffDelayMs(3, policy, () => 0.999999)).toBe(2_000);
  });

  test("stays within [delay * (1 - jitter), delay] for random draws", () => {
    for (let attempt = 1; attempt <= 12; attempt++) {
      const ceiling = Math.min(defaultBackoff.maxMs, defaultBackoff.baseMs * 2 ** (attempt - 1));
      for (let i = 0; i < 50; i++) {
        const delay = backoffDelayMs(attempt);
        expect(delay).toBeGreaterThanOrEqual(Math.floor(ceiling * (1 - defaultBackoff.jitter)));
        expect(delay).toBeLessThanOrEqual(ceiling);
      }
    }
  });

  test("clamps out-of-range jitter and random values", () => {
    expect(backoffDelayMs(1, { ...noJitter, jitter: 5 }, () => 2)).toBe(0);
    expect(backoffDelayMs(1, { ...noJitter, jitter: -1 }, () => 0.5)).toBe(1_000);
  });

  test("the default policy starts at 2 s and caps at 15 min", () => {
    expect(backoffDelayMs(1, defaultBackoff, () => 0)).toBe(2_000);
    expect(backoffDelayMs(30, defaultBackoff, () => 0)).toBe(15 * 60_000);
  });
});
