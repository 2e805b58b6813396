import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { openCacheServices } from "../../../adapters/cache/open-cache-services.ts";
import { ServiceUnavailable } from "../../../core/errors.ts";
import { waitFor } from "../../contracts/harness.ts";
import { redisUrl } from "./redis-test-connection.ts";

/** Runs `code` in a fresh Node process (with tsx) and resolves with its exit code, or "hung". */
function runScript(code: string, env: Record<string, string>, timeoutMs = 20_000): Promise<number | "hung"> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", code], {
      cwd: process.cwd(),
      env: { ...process.env, ...env },
      stdio: ["ignore", "inherit", "inherit"],
    });
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      resolve("hung");
    }, timeoutMs);
    child.on("exit", (exitCode) => {
      clearTimeout(timer);
      resolve(exitCode ?? 1);
    });
  });
}

const exerciseAndClose = `
import { openCacheServices } from "./adapters/cache/open-cache-services.ts";
const s = await openCacheServices({ redisUrl: process.env.TEST_REDIS_URL || undefined, keyPrefix: process.env.TEST_PREFIX });
await s.cache.set("k", "v", 60);
const lock = await s.locks.tryAcquire("l", 60000);
await s.rateLimiter.hit("r", 5, 60);
await s.pubSub.subscribe("c", () => {});
await s.pubSub.publish("c", "m");
await lock.release();
await s.cache.delete("k");
await s.rateLimiter.reset("r");
await s.close();
`;

describe("openCacheServices", () => {
  it("opens the in-process twins without a Redis URL", async () => {
    const services = await openCacheServices({});
    expect(services.kind).toBe("memory");
    await services.ping();
    await services.cache.set("k", "v");
    expect(await services.cache.get("k")).toBe("v");
    const got: string[] = [];
    await services.pubSub.subscribe("c", (m) => got.push(m));
    await services.pubSub.publish("c", "hi");
    await waitFor(() => got.length === 1);
    await services.close();
  });

  it("lets the process exit after close (in-process twins)", async () => {
    expect(await runScript(exerciseAndClose, { TEST_REDIS_URL: "" })).toBe(0);
  });

  it("refuses an unreachable Redis with ServiceUnavailable, without printing the password", async () => {
    const attempt = openCacheServices({ redisUrl: "redis://user:s3cret@127.0.0.1:1" });
    await expect(attempt).rejects.toBeInstanceOf(ServiceUnavailable);
    await expect(attempt).rejects.not.toThrow(/s3cret/);
  });

  describe.skipIf(!redisUrl)("with Redis", () => {
    it("shares one connection across the services and namespaces keys by prefix", async () => {
      const keyPrefix = `test:${randomUUID()}:`;
      const services = await openCacheServices({ redisUrl, keyPrefix });
      const other = await openCacheServices({ redisUrl, keyPrefix: `test:${randomUUID()}:` });
      try {
        expect(services.kind).toBe("redis");
        await services.ping();
        await services.cache.set("same-key", "mine", 60);
        expect(await other.cache.get("same-key")).toBeNull();
        // Cache and lock keys live in different namespaces, so they cannot clash.
        const lock = await services.locks.tryAcquire("same-key", 60_000);
        expect(lock).not.toBeNull();
        const decision = await services.rateLimiter.hit("same-key", 1, 60);
        expect(decision.allowed).toBe(true);
        expect(await services.cache.get("same-key")).toBe("mine");
        await lock!.release();
      } finally {
        await services.cache.delete("same-key");
        await services.rateLimiter.reset("same-key");
        await services.close();
        await services.close(); // idempotent
        await other.close();
      }
    });

    it("lets the process exit after close (Redis, with a live subscription)", async () => {
      expect(await runScript(exerciseAndClose, { TEST_REDIS_URL: redisUrl!, TEST_PREFIX: `test:${randomUUID()}:` })).toBe(0);
    });
  });
});
