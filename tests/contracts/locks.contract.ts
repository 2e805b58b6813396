import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Locks } from "../../core/ports/locks.ts";
import { uniqueKey, type ContractHarness } from "./harness.ts";

/** The behaviour every {@link Locks} adapter must show. */
export function describeLocksContract(
  name: string,
  make: () => Promise<ContractHarness<Locks>>,
  options: { skip?: boolean } = {},
): void {
  describe.skipIf(options.skip ?? false)(`Locks contract: ${name}`, () => {
    let h: ContractHarness<Locks>;
    beforeAll(async () => {
      h = await make();
    });
    afterAll(async () => {
      await h?.close();
    });

    it("grants a lock to one holder at a time", async () => {
      const key = uniqueKey("lock");
      const first = await h.subject.tryAcquire(key, 60_000);
      expect(first).not.toBeNull();
      expect(first!.key).toBe(key);
      expect(first!.token).toEqual(expect.any(String));
      expect(await h.subject.tryAcquire(key, 60_000)).toBeNull();
      await first!.release();
      const second = await h.subject.tryAcquire(key, 60_000);
      expect(second).not.toBeNull();
      expect(second!.token).not.toBe(first!.token);
      await second!.release();
    });

    it("keeps different keys independent", async () => {
      const a = await h.subject.tryAcquire(uniqueKey("a"), 60_000);
      const b = await h.subject.tryAcquire(uniqueKey("b"), 60_000);
      expect(a).not.toBeNull();
      expect(b).not.toBeNull();
      await Promise.all([a!.release(), b!.release()]);
    });

    it("frees an expired lock, and its old holder can neither release nor extend the new one", async () => {
      const key = uniqueKey("expire");
      const stale = await h.subject.tryAcquire(key, 300);
      expect(stale).not.toBeNull();
      await h.elapse(1200);
      const fresh = await h.subject.tryAcquire(key, 60_000);
      expect(fresh).not.toBeNull();
      await stale!.release();
      expect(await stale!.extend(60_000)).toBe(false);
      // The fresh holder still holds it.
      expect(await h.subject.tryAcquire(key, 60_000)).toBeNull();
      expect(await fresh!.extend(60_000)).toBe(true);
      await fresh!.release();
      expect(await h.subject.tryAcquire(key, 60_000)).not.toBeNull();
    });

    it("extend pushes the expiry out", async () => {
      const key = uniqueKey("extend");
      const lock = await h.subject.tryAcquire(key, 300);
      expect(await lock!.extend(60_000)).toBe(true);
      await h.elapse(1200);
      expect(await h.subject.tryAcquire(key, 60_000)).toBeNull();
      await lock!.release();
    });

    it("reports a lost lock from extend once it expired, even if nobody took it", async () => {
      const key = uniqueKey("lost");
      const lock = await h.subject.tryAcquire(key, 300);
      await h.elapse(1200);
      expect(await lock!.extend(60_000)).toBe(false);
    });

    it("release is idempotent", async () => {
      const key = uniqueKey("twice");
      const lock = await h.subject.tryAcquire(key, 60_000);
      await lock!.release();
      await expect(lock!.release()).resolves.toBeUndefined();
    });

    it("lets exactly one of many concurrent callers win", async () => {
      const key = uniqueKey("race");
      const results = await Promise.all(Array.from({ length: 20 }, () => h.subject.tryAcquire(key, 60_000)));
      expect(results.filter((r) => r !== null)).toHaveLength(1);
      await results.find((r) => r !== null)!.release();
    });
  });
}
