import { MemoryLocks } from "../../../adapters/cache/memory-locks.ts";
import { RedisLocks } from "../../../adapters/cache/redis-locks.ts";
import { manualClock, sleep } from "../../contracts/harness.ts";
import { describeLocksContract } from "../../contracts/locks.contract.ts";
import { openTestRedis, redisUrl } from "./redis-test-connection.ts";

describeLocksContract("memory", async () => {
  const clock = manualClock();
  const subject = new MemoryLocks({ now: clock.now });
  return { subject, elapse: clock.elapse, close: () => subject.close() };
});

describeLocksContract(
  "redis",
  async () => {
    const connection = await openTestRedis();
    const subject = new RedisLocks({ redis: connection.redis, keyPrefix: connection.keyPrefix });
    return { subject, elapse: sleep, close: () => connection.dispose() };
  },
  { skip: !redisUrl },
);
