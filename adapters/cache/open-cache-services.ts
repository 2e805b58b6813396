import type { Cache } from "../../core/ports/cache.ts";
import type { Locks } from "../../core/ports/locks.ts";
import type { Logger } from "../../core/ports/logger.ts";
import type { PubSub } from "../../core/ports/pub-sub.ts";
import type { RateLimiter } from "../../core/ports/rate-limiter.ts";
import { MemoryCache } from "./memory-cache.ts";
import { MemoryLocks } from "./memory-locks.ts";
import { MemoryPubSub } from "./memory-pub-sub.ts";
import { MemoryRateLimiter } from "./memory-rate-limiter.ts";
import { RedisCache } from "./redis-cache.ts";
import { closeRedis, connectRedis, redactRedisUrl } from "./redis-connection.ts";
import { RedisLocks } from "./redis-locks.ts";
import { RedisPubSub } from "./redis-pub-sub.ts";
import { RedisRateLimiter } from "./redis-rate-limiter.ts";

/** Cache, locks, pub/sub and rate limiter from one backing store. */
export type CacheServices = {
  kind: "redis" | "memory";
  cache: Cache;
  locks: Locks;
  pubSub: PubSub;
  rateLimiter: RateLimiter;
  /** Resolves when the backing store answers. */
  ping(): Promise<void>;
  /** Closes every service and connection; the process can exit afterwards. */
  close(): Promise<void>;
};

/**
 * Redis-backed services when `redisUrl` is set (one command connection shared by
 * all four, plus one subscriber connection opened on the first subscribe), else
 * the in-process twins. Rejects with `ServiceUnavailable` when Redis is unreachable.
 *
 * @example
 * const services = await openCacheServices({ redisUrl: config.REDIS_URL, keyPrefix: "fos:", logger });
 * await services.cache.set("greeting", "hi", 60);
 * await services.close();
 */
export async function openCacheServices(
  opts: { redisUrl?: string; keyPrefix?: string; logger?: Logger } = {},
): Promise<CacheServices> {
  const logger = opts.logger?.child({ component: "cache" });
  if (!opts.redisUrl) {
    const cache = new MemoryCache();
    const locks = new MemoryLocks();
    const pubSub = new MemoryPubSub({ logger });
    const rateLimiter = new MemoryRateLimiter();
    logger?.info("cache services: in-process (no REDIS_URL)");
    return {
      kind: "memory",
      cache,
      locks,
      pubSub,
      rateLimiter,
      ping: () => cache.ping(),
      close: async () => {
        await Promise.all([cache.close(), locks.close(), pubSub.close(), rateLimiter.close()]);
      },
    };
  }

  const keyPrefix = opts.keyPrefix ?? "fos:";
  // Auto-pipelining: commands issued in the same tick (a batch's replay-log writes and
  // publishes, concurrent requests' rate-limit checks) go out in one write.
  const redis = await connectRedis(opts.redisUrl, { logger, connectionName: `${keyPrefix}commands`, redisOptions: { enableAutoPipelining: true } });
  const shared = { redis, keyPrefix, ownsConnection: false };
  const cache = new RedisCache(shared);
  const locks = new RedisLocks(shared);
  const pubSub = new RedisPubSub({ ...shared, logger });
  const rateLimiter = new RedisRateLimiter(shared);
  logger?.info("cache services: redis", { url: redactRedisUrl(opts.redisUrl), keyPrefix });
  let closing: Promise<void> | null = null;
  return {
    kind: "redis",
    cache,
    locks,
    pubSub,
    rateLimiter,
    ping: () => cache.ping(),
    close: () =>
      (closing ??= (async () => {
        await Promise.all([cache.close(), locks.close(), pubSub.close(), rateLimiter.close()]);
        await closeRedis(redis);
      })()),
  };
}
