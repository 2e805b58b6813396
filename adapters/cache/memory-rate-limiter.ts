import type { RateLimitDecision, RateLimiter } from "../../core/ports/rate-limiter.ts";
import { slidingWindowDecision, validateRateLimit } from "./sliding-window.ts";
import { systemClock, type Clock } from "./ttl.ts";

/** Hits between full sweeps of idle keys (amortised, so no timer is ever started). */
const SWEEP_EVERY_HITS = 1000;

/**
 * In-process sliding-window {@link RateLimiter}: the embedded twin of
 * {@link RedisRateLimiter}, with the same rules (refused hits are not counted).
 */
export class MemoryRateLimiter implements RateLimiter {
  /** Per key, the times (epoch ms, ascending) of the hits still inside their window. */
  readonly #hits = new Map<string, { times: number[]; windowMs: number }>();
  readonly #now: Clock;
  #count = 0;

  constructor(options: { now?: Clock } = {}) {
    this.#now = options.now ?? systemClock;
  }

  async hit(key: string, limit: number, windowSeconds: number): Promise<RateLimitDecision> {
    const windowMs = validateRateLimit(limit, windowSeconds);
    const now = this.#now();
    if (++this.#count % SWEEP_EVERY_HITS === 0) this.#sweep(now);
    const entry = this.#hits.get(key) ?? { times: [], windowMs };
    entry.windowMs = windowMs;
    const times = entry.times.filter((t) => t > now - windowMs);
    const decision = slidingWindowDecision(times.length, times[0], now, limit, windowMs);
    if (decision.allowed) times.push(now);
    entry.times = times;
    if (times.length > 0) this.#hits.set(key, entry);
    else this.#hits.delete(key);
    return decision;
  }

  async reset(key: string): Promise<void> {
    this.#hits.delete(key);
  }

  async close(): Promise<void> {
    this.#hits.clear();
  }

  #sweep(now: number): void {
    for (const [key, entry] of this.#hits) {
      const last = entry.times[entry.times.length - 1];
      if (last === undefined || last <= now - entry.windowMs) this.#hits.delete(key);
    }
  }
}
