import type { PubSub, Unsubscribe } from "../ports/pub-sub.ts";

type Channel = { listeners: Set<(message: string) => void>; ready: Promise<Unsubscribe> };

/**
 * One pub/sub subscription per channel per process, fanned out in memory to every local
 * listener: 5,000 SSE connections of one user cost one subscription, not 5,000. The
 * subscription ends when the last listener leaves.
 *
 * @example
 * const leave = await hub.listen(`user:${id}:notifications`, (m) => queue.push(m));
 * ...
 * await leave();
 */
export class SharedSubscriptions {
  readonly #channels = new Map<string, Channel>();

  constructor(private readonly pubSub: PubSub) {}

  /** Adds `listener` to `channel`; resolves once the channel's subscription is active. */
  async listen(channel: string, listener: (message: string) => void): Promise<() => Promise<void>> {
    let entry = this.#channels.get(channel);
    if (!entry) {
      const listeners = new Set<(message: string) => void>();
      const ready = this.pubSub.subscribe(channel, (message) => {
        for (const l of [...listeners]) l(message);
      });
      entry = { listeners, ready };
      this.#channels.set(channel, entry);
      ready.catch(() => {
        if (this.#channels.get(channel) === entry) this.#channels.delete(channel);
      });
    }
    entry.listeners.add(listener);
    const current = entry;
    try {
      await current.ready;
    } catch (error) {
      current.listeners.delete(listener);
      throw error;
    }
    let left = false;
    return async () => {
      if (left) return;
      left = true;
      current.listeners.delete(listener);
      if (current.listeners.size > 0) return;
      if (this.#channels.get(channel) === current) this.#channels.delete(channel);
      const unsubscribe = await current.ready;
      await unsubscribe();
    };
  }

  /** Channels with at least one local listener (the process's pub/sub subscriptions). */
  get channelCount(): number {
    return this.#channels.size;
  }

  /** Local listeners across channels. */
  get listenerCount(): number {
    let n = 0;
    for (const c of this.#channels.values()) n += c.listeners.size;
    return n;
  }
}
