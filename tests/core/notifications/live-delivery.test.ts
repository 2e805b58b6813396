import { describe, expect, it } from "vitest";
import { MemoryCache } from "../../../adapters/cache/memory-cache.ts";
import { notificationLiveEvents, notificationsMessage, type LiveEvent } from "../../../core/notifications/live-events.ts";
import { ReplayLog } from "../../../core/notifications/replay-log.ts";

const event = (id: string): LiveEvent => ({ event: "notification", id, data: JSON.stringify({ id }) });

describe("ReplayLog", () => {
  it("replays, after a given id, what append and appendMany stored, oldest first, per stream", async () => {
    const log = new ReplayLog(new MemoryCache());
    await log.append("user:a", event("001"));
    await log.appendMany("user:a", [event("002"), event("003"), event("004")]);
    await log.appendMany("user:b", [event("005")]);
    await log.appendMany("user:b", []);
    expect((await log.since(["user:a"], "001")).map((e) => e.id)).toEqual(["002", "003", "004"]);
    expect((await log.since(["user:a", "user:b"], "003")).map((e) => e.id)).toEqual(["004", "005"]);
  });

  it("keeps only the newest 500 of a stream", async () => {
    const log = new ReplayLog(new MemoryCache());
    const ids = Array.from({ length: 620 }, (_, i) => String(i).padStart(4, "0"));
    await log.appendMany("ws:x", ids.slice(0, 400).map(event));
    await log.appendMany("ws:x", ids.slice(400).map(event));
    const replayed = (await log.since(["ws:x"], "0000")).map((e) => e.id);
    expect(replayed).toEqual(ids.slice(-500));
  });
});

describe("notificationLiveEvents", () => {
  it("reads one notification or a batch message, skipping malformed items", () => {
    const one = JSON.stringify({ id: "n1", title: "A" });
    expect(notificationLiveEvents(one)).toEqual([{ event: "notification", id: "n1", data: one }]);
    const batch = notificationsMessage([one, JSON.stringify({ id: "n2" })]);
    expect(notificationLiveEvents(batch).map((e) => [e.id, JSON.parse(e.data).id])).toEqual([["n1", "n1"], ["n2", "n2"]]);
    expect(notificationLiveEvents(`[${one}, {"title": "no id"}, 3]`).map((e) => e.id)).toEqual(["n1"]);
    expect(notificationLiveEvents("not json")).toEqual([]);
  });
});
