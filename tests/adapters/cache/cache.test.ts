import { MemoryCache } from "../../../adapters/cache/memory-cache.ts";
import { RedisCache } from "../../../adapters/cache/redis-cache.ts";
import { describeCacheContract } from "../../contracts/cache.contract.ts";
import { manualClock, sleep } from "../../contracts/harness.ts";
import { openTestRedis, redisUrl } from "./redis-test-connection.ts";

describeCacheContract("memory", async () => {
  const clock = manualClock();
  const subject = new MemoryCache({ now: clock.now });
  return { subject, elapse: clock.elapse, close: () => subject.close() };
});

describeCacheContract(
  "redis",
  async () => {
    const connection = await openTestRedis();
    const subject = new RedisCache({ redis: connection.redis, keyPrefix: connection.keyPrefix });
    return { subject, elapse: sleep, close: () => connection.dispose() };
  },
  { skip: !redisUrl },
);
