import { describe, expect, it } from "vitest";
import { MemoryRateLimiter } from "../../../adapters/cache/memory-rate-limiter.ts";
import { RedisRateLimiter } from "../../../adapters/cache/redis-rate-limiter.ts";
import { manualClock, sleep } from "../../contracts/harness.ts";
import { describeRateLimiterContract } from "../../contracts/rate-limiter.contract.ts";
import { openTestRedis, redisUrl } from "./redis-test-connection.ts";

describeRateLimiterContract("memory", async () => {
  const clock = manualClock();
  const subject = new MemoryRateLimiter({ now: clock.now });
  return { subject, elapse: clock.elapse, close: () => subject.close() };
});

describeRateLimiterContract(
  "redis",
  async () => {
    const connection = await openTestRedis();
    const subject = new RedisRateLimiter({ redis: connection.redis, keyPrefix: connection.keyPrefix });
    return { subject, elapse: sleep, close: () => connection.dispose() };
  },
  { skip: !redisUrl },
);

describe("MemoryRateLimiter sliding window (exact clock)", () => {
  it("slides hit by hit rather than resetting at window boundaries", async () => {
    const clock = manualClock(1_000_000);
    const limiter = new MemoryRateLimiter({ now: clock.now });
    expect((await limiter.hit("k", 2, 10)).allowed).toBe(true); // t=0
    await clock.elapse(6000);
    expect((await limiter.hit("k", 2, 10)).allowed).toBe(true); // t=6s
    await clock.elapse(3000);
    // t=9s: both hits are inside the window; the oldest leaves at t=10s.
    expect(await limiter.hit("k", 2, 10)).toEqual({ allowed: false, remaining: 0, retryAfterSeconds: 1 });
    await clock.elapse(1000);
    // t=10s: the first hit has left; the second (t=6s) still counts.
    expect(await limiter.hit("k", 2, 10)).toEqual({ allowed: true, remaining: 0, retryAfterSeconds: 0 });
    await clock.elapse(1000);
    // t=11s: hits at 6s and 10s are inside; the next slot opens at t=16s.
    expect(await limiter.hit("k", 2, 10)).toEqual({ allowed: false, remaining: 0, retryAfterSeconds: 5 });
  });

  it("forgets idle keys so memory does not grow with distinct callers", async () => {
    const clock = manualClock();
    const limiter = new MemoryRateLimiter({ now: clock.now });
    for (let i = 0; i < 999; i++) await limiter.hit(`ip-${i}`, 5, 1);
    await clock.elapse(2000);
    await limiter.hit("trigger", 5, 1); // the 1000th hit sweeps
    // A swept key starts from a clean slate.
    expect(await limiter.hit("ip-1", 1, 1)).toEqual({ allowed: true, remaining: 0, retryAfterSeconds: 0 });
  });
});
