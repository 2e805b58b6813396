import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Cache } from "../../core/ports/cache.ts";
import { uniqueKey, type ContractHarness } from "./harness.ts";

/** The behaviour every {@link Cache} adapter must show. */
export function describeCacheContract(
  name: string,
  make: () => Promise<ContractHarness<Cache>>,
  options: { skip?: boolean } = {},
): void {
  describe.skipIf(options.skip ?? false)(`Cache contract: ${name}`, () => {
    let h: ContractHarness<Cache>;
    beforeAll(async () => {
      h = await make();
    });
    afterAll(async () => {
      await h?.close();
    });

    it("returns null for a missing key and the last value set otherwise", async () => {
      const key = uniqueKey("get");
      expect(await h.subject.get(key)).toBeNull();
      await h.subject.set(key, "one");
      await h.subject.set(key, "two");
      expect(await h.subject.get(key)).toBe("two");
    });

    it("stores unicode and empty strings unchanged", async () => {
      const a = uniqueKey("unicode");
      const b = uniqueKey("empty");
      await h.subject.set(a, "héllo 🌍\n{\"x\":1}");
      await h.subject.set(b, "");
      expect(await h.subject.get(a)).toBe("héllo 🌍\n{\"x\":1}");
      expect(await h.subject.get(b)).toBe("");
    });

    it("expires a value after its TTL and keeps values set without one", async () => {
      const short = uniqueKey("short");
      const forever = uniqueKey("forever");
      const long = uniqueKey("long");
      await h.subject.set(short, "x", 0.3);
      await h.subject.set(forever, "y");
      await h.subject.set(long, "z", 600);
      await h.elapse(1200);
      expect(await h.subject.get(short)).toBeNull();
      expect(await h.subject.get(forever)).toBe("y");
      expect(await h.subject.get(long)).toBe("z");
    });

    it("drops the old TTL when a value is set again without one", async () => {
      const key = uniqueKey("reset-ttl");
      await h.subject.set(key, "a", 0.3);
      await h.subject.set(key, "b");
      await h.elapse(1200);
      expect(await h.subject.get(key)).toBe("b");
    });

    it("setIfAbsent stores only when the key is absent or expired", async () => {
      const key = uniqueKey("nx");
      expect(await h.subject.setIfAbsent(key, "first", 0.3)).toBe(true);
      expect(await h.subject.setIfAbsent(key, "second")).toBe(false);
      expect(await h.subject.get(key)).toBe("first");
      await h.elapse(1200);
      expect(await h.subject.setIfAbsent(key, "third")).toBe(true);
      expect(await h.subject.get(key)).toBe("third");
      await h.subject.delete(key);
      expect(await h.subject.setIfAbsent(key, "fourth")).toBe(true);
    });

    it("deletes, and deleting a missing key is not an error", async () => {
      const key = uniqueKey("del");
      await h.subject.set(key, "v");
      await h.subject.delete(key);
      expect(await h.subject.get(key)).toBeNull();
      await expect(h.subject.delete(key)).resolves.toBeUndefined();
    });

    it("increments from zero, by any integer, and on integer strings", async () => {
      const key = uniqueKey("incr");
      expect(await h.subject.increment(key)).toBe(1);
      expect(await h.subject.increment(key, 5)).toBe(6);
      expect(await h.subject.increment(key, -10)).toBe(-4);
      expect(await h.subject.get(key)).toBe("-4");
      const existing = uniqueKey("incr-existing");
      await h.subject.set(existing, "41");
      expect(await h.subject.increment(existing)).toBe(42);
    });

    it("refuses to increment a non-integer value or by a fraction", async () => {
      const key = uniqueKey("incr-bad");
      await h.subject.set(key, "not a number");
      await expect(h.subject.increment(key)).rejects.toThrow();
      await expect(h.subject.increment(uniqueKey("incr-frac"), 1.5)).rejects.toThrow(RangeError);
      expect(await h.subject.get(key)).toBe("not a number");
    });

    it("gives the TTL only to a key the increment creates", async () => {
      const key = uniqueKey("incr-ttl");
      expect(await h.subject.increment(key, 1, 0.3)).toBe(1);
      // A later TTL must not extend the window the first hit opened.
      expect(await h.subject.increment(key, 1, 600)).toBe(2);
      await h.elapse(1200);
      expect(await h.subject.get(key)).toBeNull();
      expect(await h.subject.increment(key, 1, 600)).toBe(1);
    });

    it("refuses a TTL that is not positive", async () => {
      await expect(h.subject.set(uniqueKey("ttl0"), "v", 0)).rejects.toThrow(RangeError);
      await expect(h.subject.set(uniqueKey("ttl-neg"), "v", -1)).rejects.toThrow(RangeError);
    });

    it("answers ping", async () => {
      await expect(h.subject.ping()).resolves.toBeUndefined();
    });
  });
}
