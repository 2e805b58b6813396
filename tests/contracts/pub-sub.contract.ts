import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PubSub } from "../../core/ports/pub-sub.ts";
import { uniqueKey, waitFor, type ContractHarness } from "./harness.ts";

/** The behaviour every {@link PubSub} adapter must show. */
export function describePubSubContract(
  name: string,
  make: () => Promise<ContractHarness<PubSub>>,
  options: { skip?: boolean } = {},
): void {
  describe.skipIf(options.skip ?? false)(`PubSub contract: ${name}`, () => {
    let h: ContractHarness<PubSub>;
    beforeAll(async () => {
      h = await make();
    });
    afterAll(async () => {
      await h?.close();
    });

    it("fans a message out to every subscriber of the channel, and only that channel", async () => {
      const channel = uniqueKey("fanout");
      const other = uniqueKey("other");
      const a: string[] = [];
      const b: string[] = [];
      const c: string[] = [];
      const offA = await h.subject.subscribe(channel, (m) => a.push(m));
      const offB = await h.subject.subscribe(channel, (m) => b.push(m));
      const offC = await h.subject.subscribe(other, (m) => c.push(m));
      await h.subject.publish(channel, "hello");
      await h.subject.publish(other, "elsewhere");
      await waitFor(() => a.length === 1 && b.length === 1 && c.length === 1, 5000, "fan-out");
      expect(a).toEqual(["hello"]);
      expect(b).toEqual(["hello"]);
      expect(c).toEqual(["elsewhere"]);
      await Promise.all([offA(), offB(), offC()]);
    });

    it("delivers messages in publish order", async () => {
      const channel = uniqueKey("order");
      const got: string[] = [];
      const off = await h.subject.subscribe(channel, (m) => got.push(m));
      const sent = Array.from({ length: 50 }, (_, i) => `m${i}`);
      for (const m of sent) await h.subject.publish(channel, m);
      await waitFor(() => got.length === sent.length, 5000, "all messages");
      expect(got).toEqual(sent);
      await off();
    });

    it("stops delivering to a subscriber that unsubscribed, and not to the others", async () => {
      const channel = uniqueKey("unsub");
      const a: string[] = [];
      const b: string[] = [];
      const offA = await h.subject.subscribe(channel, (m) => a.push(m));
      const offB = await h.subject.subscribe(channel, (m) => b.push(m));
      await offA();
      await offA(); // idempotent
      await h.subject.publish(channel, "after");
      await waitFor(() => b.length === 1, 5000, "remaining subscriber");
      expect(a).toEqual([]);
      await offB();
      // Nobody listens now; publishing is still fine and reaches no one.
      await h.subject.publish(channel, "nobody");
      const probe: string[] = [];
      const offProbe = await h.subject.subscribe(channel, (m) => probe.push(m));
      await h.subject.publish(channel, "probe");
      await waitFor(() => probe.length === 1, 5000, "probe");
      expect(b).toEqual(["after"]);
      expect(probe).toEqual(["probe"]);
      await offProbe();
    });

    it("keeps delivering to other subscribers when one throws", async () => {
      const channel = uniqueKey("throws");
      const got: string[] = [];
      const offBad = await h.subject.subscribe(channel, () => {
        throw new Error("subscriber bug");
      });
      const offGood = await h.subject.subscribe(channel, (m) => got.push(m));
      await h.subject.publish(channel, "one");
      await h.subject.publish(channel, "two");
      await waitFor(() => got.length === 2, 5000, "messages past a throwing subscriber");
      expect(got).toEqual(["one", "two"]);
      await Promise.all([offBad(), offGood()]);
    });

    it("subscribes again after unsubscribing the same channel", async () => {
      const channel = uniqueKey("again");
      const first: string[] = [];
      const off = await h.subject.subscribe(channel, (m) => first.push(m));
      await off();
      const second: string[] = [];
      const off2 = await h.subject.subscribe(channel, (m) => second.push(m));
      await h.subject.publish(channel, "x");
      await waitFor(() => second.length === 1, 5000, "resubscribed delivery");
      expect(first).toEqual([]);
      await off2();
    });

    it("carries unicode payloads unchanged", async () => {
      const channel = uniqueKey("unicode");
      const got: string[] = [];
      const off = await h.subject.subscribe(channel, (m) => got.push(m));
      const payload = JSON.stringify({ text: "héllo 🌍", n: 1 });
      await h.subject.publish(channel, payload);
      await waitFor(() => got.length === 1, 5000, "unicode message");
      expect(got).toEqual([payload]);
      await off();
    });
  });
}
