import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RateLimiter } from "../../core/ports/rate-limiter.ts";
import { uniqueKey, type ContractHarness } from "./harness.ts";

/** The behaviour every {@link RateLimiter} adapter must show. */
export function describeRateLimiterContract(
  name: string,
  make: () => Promise<ContractHarness<RateLimiter>>,
  options: { skip?: boolean } = {},
): void {
  describe.skipIf(options.skip ?? false)(`RateLimiter contract: ${name}`, () => {
    let h: ContractHarness<RateLimiter>;
    beforeAll(async () => {
      h = await make();
    });
    afterAll(async () => {
      await h?.close();
    });

    it("allows `limit` hits per window, counting down, then refuses with a retry-after", async () => {
      const key = uniqueKey("limit");
      const decisions = [];
      for (let i = 0; i < 4; i++) decisions.push(await h.subject.hit(key, 3, 60));
      expect(decisions.slice(0, 3)).toEqual([
        { allowed: true, remaining: 2, retryAfterSeconds: 0 },
        { allowed: true, remaining: 1, retryAfterSeconds: 0 },
        { allowed: true, remaining: 0, retryAfterSeconds: 0 },
      ]);
      const refused = decisions[3]!;
      expect(refused.allowed).toBe(false);
      expect(refused.remaining).toBe(0);
      expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(1);
      expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
    });

    it("counts each key separately", async () => {
      const a = uniqueKey("a");
      const b = uniqueKey("b");
      expect((await h.subject.hit(a, 1, 60)).allowed).toBe(true);
      expect((await h.subject.hit(a, 1, 60)).allowed).toBe(false);
      expect((await h.subject.hit(b, 1, 60)).allowed).toBe(true);
    });

    it("lets hits back in once the oldest leaves the window", async () => {
      const key = uniqueKey("slide");
      expect((await h.subject.hit(key, 2, 1)).allowed).toBe(true);
      expect((await h.subject.hit(key, 2, 1)).allowed).toBe(true);
      const refused = await h.subject.hit(key, 2, 1);
      expect(refused).toEqual({ allowed: false, remaining: 0, retryAfterSeconds: 1 });
      await h.elapse(1500);
      expect(await h.subject.hit(key, 2, 1)).toEqual({ allowed: true, remaining: 1, retryAfterSeconds: 0 });
    });

    it("does not count refused hits", async () => {
      const key = uniqueKey("refused");
      expect((await h.subject.hit(key, 1, 1)).allowed).toBe(true);
      for (let i = 0; i < 5; i++) expect((await h.subject.hit(key, 1, 1)).allowed).toBe(false);
      await h.elapse(1500);
      expect((await h.subject.hit(key, 1, 1)).allowed).toBe(true);
    });

    it("forgets a key on reset", async () => {
      const key = uniqueKey("reset");
      await h.subject.hit(key, 1, 60);
      expect((await h.subject.hit(key, 1, 60)).allowed).toBe(false);
      await h.subject.reset(key);
      expect(await h.subject.hit(key, 1, 60)).toEqual({ allowed: true, remaining: 0, retryAfterSeconds: 0 });
      await expect(h.subject.reset(uniqueKey("never"))).resolves.toBeUndefined();
    });

    it("admits exactly `limit` of many concurrent hits", async () => {
      const key = uniqueKey("concurrent");
      const decisions = await Promise.all(Array.from({ length: 25 }, () => h.subject.hit(key, 10, 60)));
      expect(decisions.filter((d) => d.allowed)).toHaveLength(10);
      expect(decisions.filter((d) => d.allowed).map((d) => d.remaining).sort((x, y) => x - y)).toEqual([
        0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
      ]);
    });

    it("refuses a nonsensical limit or window", async () => {
      await expect(h.subject.hit(uniqueKey("bad"), 0, 60)).rejects.toThrow(RangeError);
      await expect(h.subject.hit(uniqueKey("bad"), 5, 0)).rejects.toThrow(RangeError);
    });
  });
}
