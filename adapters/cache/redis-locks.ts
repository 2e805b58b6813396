import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import type { Lock, Locks } from "../../core/ports/locks.ts";
import type { RedisAdapterOptions } from "./redis-cache.ts";
import { closeRedis, defineScript } from "./redis-connection.ts";
import { assertTtlMs } from "./ttl.ts";

// Both scripts compare the token first so a holder whose lock expired (and was
// taken by someone else) cannot touch the new holder's lock.
const EXTEND = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 0
`;
const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
`;

/** {@link Locks} on Redis: `SET key token NX PX ttl`, token-checked extend and release in Lua. */
export class RedisLocks implements Locks {
  readonly #redis: Redis;
  readonly #prefix: string;
  readonly #owns: boolean;
  readonly #extend: (keys: string[], args: Array<string | number>) => Promise<unknown>;
  readonly #release: (keys: string[], args: Array<string | number>) => Promise<unknown>;

  constructor(options: RedisAdapterOptions) {
    this.#redis = options.redis;
    this.#prefix = `${options.keyPrefix ?? ""}lock:`;
    this.#owns = options.ownsConnection ?? false;
    this.#extend = defineScript(this.#redis, "fosLockExtend", 1, EXTEND);
    this.#release = defineScript(this.#redis, "fosLockRelease", 1, RELEASE);
  }

  async tryAcquire(key: string, ttlMs: number): Promise<Lock | null> {
    const ttl = assertTtlMs(ttlMs);
    const redisKey = this.#prefix + key;
    const token = randomUUID();
    const reply = await this.#redis.set(redisKey, token, "PX", ttl, "NX");
    if (reply !== "OK") return null;
    return {
      key,
      token,
      extend: async (nextTtlMs) => Number(await this.#extend([redisKey], [token, assertTtlMs(nextTtlMs)])) === 1,
      release: async () => {
        await this.#release([redisKey], [token]);
      },
    };
  }

  async close(): Promise<void> {
    if (this.#owns) await closeRedis(this.#redis);
  }
}
