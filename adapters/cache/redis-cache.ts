import type { Redis } from "ioredis";
import type { Cache } from "../../core/ports/cache.ts";
import { closeRedis, defineScript } from "./redis-connection.ts";
import { ttlSecondsToMs } from "./ttl.ts";

// EXISTS before INCRBY so only a key created by this call gets the TTL (a fixed
// window counter must not have its expiry pushed back by every hit).
const INCREMENT = `
local existed = redis.call('EXISTS', KEYS[1])
local value = redis.call('INCRBY', KEYS[1], ARGV[1])
if existed == 0 and tonumber(ARGV[2]) > 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return value
`;

/** Options shared by the Redis adapters. */
export type RedisAdapterOptions = {
  redis: Redis;
  /** Prepended to every key (and channel), e.g. `fos:`; lets deployments and test runs share a Redis. */
  keyPrefix?: string;
  /** When true, `close()` also closes `redis`; the factory shares one connection and closes it itself. */
  ownsConnection?: boolean;
};

/**
 * {@link Cache} on Redis strings (`SET PX`, `SET NX`, `INCRBY` in a Lua script).
 *
 * @example
 * const cache = new RedisCache({ redis: await connectRedis(url), keyPrefix: "fos:", ownsConnection: true });
 */
export class RedisCache implements Cache {
  readonly #redis: Redis;
  readonly #prefix: string;
  readonly #owns: boolean;
  readonly #increment: (keys: string[], args: Array<string | number>) => Promise<unknown>;

  constructor(options: RedisAdapterOptions) {
    this.#redis = options.redis;
    this.#prefix = `${options.keyPrefix ?? ""}cache:`;
    this.#owns = options.ownsConnection ?? false;
    this.#increment = defineScript(this.#redis, "fosCacheIncrement", 1, INCREMENT);
  }

  async get(key: string): Promise<string | null> {
    return this.#redis.get(this.#prefix + key);
  }

  async set(key: string, value: string, ttlSeconds?: number): Promise<void> {
    if (ttlSeconds === undefined) await this.#redis.set(this.#prefix + key, value);
    else await this.#redis.set(this.#prefix + key, value, "PX", ttlSecondsToMs(ttlSeconds));
  }

  async setIfAbsent(key: string, value: string, ttlSeconds?: number): Promise<boolean> {
    const reply =
      ttlSeconds === undefined
        ? await this.#redis.set(this.#prefix + key, value, "NX")
        : await this.#redis.set(this.#prefix + key, value, "PX", ttlSecondsToMs(ttlSeconds), "NX");
    return reply === "OK";
  }

  async delete(key: string): Promise<void> {
    await this.#redis.del(this.#prefix + key);
  }

  async increment(key: string, by = 1, ttlSeconds?: number): Promise<number> {
    if (!Number.isSafeInteger(by)) throw new RangeError(`increment must be an integer, got ${by}`);
    const ttlMs = ttlSeconds === undefined ? 0 : ttlSecondsToMs(ttlSeconds);
    return Number(await this.#increment([this.#prefix + key], [by, ttlMs]));
  }

  async ping(): Promise<void> {
    await this.#redis.ping();
  }

  async close(): Promise<void> {
    if (this.#owns) await closeRedis(this.#redis);
  }
}
