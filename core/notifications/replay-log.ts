import type { Cache } from "../ports/cache.ts";
import type { LiveEvent } from "./live-events.ts";

/** How long a live event can be replayed after it went out. */
export const REPLAY_WINDOW_SECONDS = 300;
/** At most this many recent events per stream are kept for replay. */
const MAX_REPLAY = 500;

/**
 * What a reconnecting SSE client missed, kept in the cache port (Redis across replicas,
 * in-process when embedded) for {@link REPLAY_WINDOW_SECONDS}. A stream (`user:<id>`,
 * `ws:<id>`) is a counter plus one expiring key per event: the cache port has no lists,
 * and expiry per key makes old entries vanish by themselves. The publisher appends once,
 * after commit; readers take entries whose id is after the client's `Last-Event-ID`
 * (ids are UUIDv7, so they sort by time across streams).
 */
export class ReplayLog {
  constructor(private readonly cache: Cache) {}

  async append(stream: string, event: LiveEvent): Promise<void> {
    await this.appendMany(stream, [event]);
  }

  /**
   * Appends `events` as one entry (one increment and one write, whatever their number): a
   * batch's notifications for a user cost two commands. `since` reads entries of either form.
   */
  async appendMany(stream: string, events: readonly LiveEvent[]): Promise<void> {
    if (events.length === 0) return;
    // The counter never expires: restarting it would overwrite entries still in the window.
    const seq = await this.cache.increment(`replay:${stream}:seq`);
    const value = events.length === 1 ? JSON.stringify(events[0]) : JSON.stringify(events.slice(-MAX_REPLAY));
    await this.cache.set(`replay:${stream}:${seq}`, value, REPLAY_WINDOW_SECONDS);
  }

  /** Events of `streams` with an id after `lastEventId`, oldest first, without duplicates. */
  async since(streams: string[], lastEventId: string): Promise<LiveEvent[]> {
    const found = new Map<string, LiveEvent>();
    await Promise.all(
      streams.map(async (stream) => {
        const seq = Number((await this.cache.get(`replay:${stream}:seq`)) ?? 0);
        const from = Math.max(1, seq - MAX_REPLAY + 1);
        const keys = Array.from({ length: Math.max(0, seq - from + 1) }, (_, i) => `replay:${stream}:${from + i}`);
        const values = await Promise.all(keys.map((key) => this.cache.get(key)));
        const events = values.flatMap((value) => (value ? ([] as LiveEvent[]).concat(JSON.parse(value) as LiveEvent | LiveEvent[]) : []));
        // The newest MAX_REPLAY events of the stream, whether entries hold one or many.
        for (const event of events.slice(-MAX_REPLAY)) {
          if (event.id > lastEventId) found.set(`${event.event}:${event.id}`, event);
        }
      }),
    );
    return [...found.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
}
