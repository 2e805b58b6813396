import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import type { RateLimitDecision, RateLimiter } from "../../core/ports/rate-limiter.ts";
import type { RedisAdapterOptions } from "./redis-cache.ts";
import { closeRedis, defineScript } from "./redis-connection.ts";
import { validateRateLimit } from "./sliding-window.ts";

// A sorted set of hit times (score = ms) per key, trimmed and counted atomically.
// Time comes from the Redis server so API replicas with skewed clocks agree.
// Refused hits are not recorded: a client hammering a closed window still gets in
// once its oldest hit leaves the window.
const HIT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local window = tonumber(ARGV[1])
local limit = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local count = redis.call('ZCARD', KEYS[1])
if count < limit then
  redis.call('ZADD', KEYS[1], now, ARGV[3])
  redis.call('PEXPIRE', KEYS[1], window)
  return {1, limit - count - 1, 0}
end
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return {0, 0, tonumber(oldest[2]) + window - now}
`;

/** Sliding-window {@link RateLimiter} on a Redis sorted set per key, one Lua script per hit. */
export class RedisRateLimiter implements RateLimiter {
  readonly #redis: Redis;
  readonly #prefix: string;
  readonly #owns: boolean;
  readonly #hit: (keys: string[], args: Array<string | number>) => Promise<unknown>;

  constructor(options: RedisAdapterOptions) {
    this.#redis = options.redis;
    this.#prefix = `${options.keyPrefix ?? ""}ratelimit:`;
    this.#owns = options.ownsConnection ?? false;
    this.#hit = defineScript(this.#redis, "fosRateLimitHit", 1, HIT);
  }

  async hit(key: string, limit: number, windowSeconds: number): Promise<RateLimitDecision> {
    const windowMs = validateRateLimit(limit, windowSeconds);
    const reply = (await this.#hit([this.#prefix + key], [windowMs, limit, randomUUID()])) as [number, number, number];
    const [allowed, remaining, retryMs] = reply.map(Number) as [number, number, number];
    return {
      allowed: allowed === 1,
      remaining,
      retryAfterSeconds: allowed === 1 ? 0 : Math.max(1, Math.ceil(retryMs / 1000)),
    };
  }

  async reset(key: string): Promise<void> {
    await this.#redis.del(this.#prefix + key);
  }

  async close(): Promise<void> {
    if (this.#owns) await closeRedis(this.#redis);
  }
}
