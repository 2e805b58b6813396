import { afterEach, describe, expect, it } from "vitest";
import { MemoryPubSub } from "../../../adapters/cache/memory-pub-sub.ts";
import { RedisPubSub } from "../../../adapters/cache/redis-pub-sub.ts";
import { sleep, uniqueKey, waitFor } from "../../contracts/harness.ts";
import { describePubSubContract } from "../../contracts/pub-sub.contract.ts";
import { openTestRedis, redisUrl } from "./redis-test-connection.ts";

describePubSubContract("memory", async () => {
  const subject = new MemoryPubSub();
  return { subject, elapse: sleep, close: () => subject.close() };
});

describePubSubContract(
  "redis",
  async () => {
    const connection = await openTestRedis();
    const subject = new RedisPubSub({ redis: connection.redis, keyPrefix: connection.keyPrefix });
    return {
      subject,
      elapse: sleep,
      close: async () => {
        await subject.close();
        await connection.dispose();
      },
    };
  },
  { skip: !redisUrl },
);

describe.skipIf(!redisUrl)("RedisPubSub across processes and reconnects", () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function open(keyPrefix?: string) {
    const connection = await openTestRedis();
    const pubSub = new RedisPubSub({ redis: connection.redis, keyPrefix: keyPrefix ?? connection.keyPrefix });
    cleanups.push(async () => {
      await pubSub.close();
      await connection.dispose();
    });
    return { pubSub, connection };
  }

  it("delivers from one instance to subscribers of another with the same prefix", async () => {
    const a = await open();
    const b = await open(a.connection.keyPrefix);
    const channel = uniqueKey("cross");
    const got: string[] = [];
    await b.pubSub.subscribe(channel, (m) => got.push(m));
    await a.pubSub.publish(channel, "over the wire");
    await waitFor(() => got.length === 1, 5000, "cross-instance message");
    expect(got).toEqual(["over the wire"]);
  });

  it("isolates instances with different key prefixes", async () => {
    const a = await open();
    const b = await open();
    const channel = uniqueKey("isolated");
    const gotB: string[] = [];
    const gotA: string[] = [];
    await b.pubSub.subscribe(channel, (m) => gotB.push(m));
    await a.pubSub.subscribe(channel, (m) => gotA.push(m));
    await a.pubSub.publish(channel, "only for a");
    await waitFor(() => gotA.length === 1, 5000, "own-prefix message");
    expect(gotB).toEqual([]);
  });

  it("shares one Redis subscription per channel however many local subscribers there are", async () => {
    const { pubSub } = await open();
    const channel = uniqueKey("shared");
    const offs = await Promise.all(Array.from({ length: 10 }, () => pubSub.subscribe(channel, () => undefined)));
    expect(pubSub.subscribedChannelCount).toBe(1);
    for (const off of offs.slice(1)) await off();
    expect(pubSub.subscribedChannelCount).toBe(1);
    await offs[0]!();
    expect(pubSub.subscribedChannelCount).toBe(0);
  });

  it("resubscribes after the subscriber connection is killed", async () => {
    const { pubSub, connection } = await open();
    const channel = uniqueKey("reconnect");
    const got: string[] = [];
    await pubSub.subscribe(channel, (m) => got.push(m));
    await pubSub.publish(channel, "before");
    await waitFor(() => got.includes("before"), 5000, "message before the kill");

    const clients = (await connection.redis.call("CLIENT", "LIST", "TYPE", "pubsub")) as string;
    const line = clients.split("\n").find((l) => l.includes(`name=${connection.keyPrefix}channel:subscriber`));
    const id = /\bid=(\d+)/.exec(line ?? "")?.[1];
    expect(id).toBeDefined();
    await connection.redis.call("CLIENT", "KILL", "ID", id!);

    // At-most-once: messages sent while reconnecting may be lost, so keep publishing until one lands.
    const deadline = Date.now() + 15_000;
    while (!got.includes("after") && Date.now() < deadline) {
      await pubSub.publish(channel, "after");
      await sleep(100);
    }
    expect(got).toContain("after");
  });
});
