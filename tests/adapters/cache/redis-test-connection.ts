import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import { closeRedis, connectRedis } from "../../../adapters/cache/redis-connection.ts";

/** Set in CI and locally (`REDIS_URL=redis://127.0.0.1:6379`); Redis suites skip without it. */
export const redisUrl = process.env.REDIS_URL;

/** A connection plus a key prefix unique to this test file run; `dispose` deletes its keys. */
export async function openTestRedis(): Promise<{ redis: Redis; keyPrefix: string; dispose(): Promise<void> }> {
  const redis = await connectRedis(redisUrl!);
  const keyPrefix = `test:${randomUUID()}:`;
  return {
    redis,
    keyPrefix,
    dispose: async () => {
      let cursor = "0";
      do {
        const [next, keys] = await redis.scan(cursor, "MATCH", `${keyPrefix}*`, "COUNT", 500);
        cursor = next;
        if (keys.length > 0) await redis.del(...keys);
      } while (cursor !== "0");
      await closeRedis(redis);
    },
  };
}
