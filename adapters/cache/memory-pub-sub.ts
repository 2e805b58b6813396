import type { Logger } from "../../core/ports/logger.ts";
import type { PubSub, Unsubscribe } from "../../core/ports/pub-sub.ts";

type Subscription = { onMessage: (message: string) => void };

/**
 * In-process {@link PubSub}: the embedded twin of {@link RedisPubSub}. Messages are
 * delivered asynchronously (after `publish` returns), as they would be over Redis,
 * so a publisher never runs subscriber code inside its own call stack.
 */
export class MemoryPubSub implements PubSub {
  readonly #channels = new Map<string, Set<Subscription>>();
  readonly #logger: Logger | undefined;
  #closed = false;

  constructor(options: { logger?: Logger } = {}) {
    this.#logger = options.logger;
  }

  async publish(channel: string, message: string): Promise<void> {
    if (this.#closed) throw new Error("pub/sub is closed");
    const subscriptions = this.#channels.get(channel);
    if (!subscriptions) return;
    for (const subscription of [...subscriptions]) {
      queueMicrotask(() => {
        // A subscriber that left after publish() started must not see the message.
        if (!this.#channels.get(channel)?.has(subscription)) return;
        try {
          subscription.onMessage(message);
        } catch (error) {
          this.#logger?.error("pub/sub subscriber threw", { channel, error });
        }
      });
    }
  }

  async subscribe(channel: string, onMessage: (message: string) => void): Promise<Unsubscribe> {
    if (this.#closed) throw new Error("pub/sub is closed");
    const subscription: Subscription = { onMessage };
    let subscriptions = this.#channels.get(channel);
    if (!subscriptions) this.#channels.set(channel, (subscriptions = new Set()));
    subscriptions.add(subscription);
    return async () => {
      const current = this.#channels.get(channel);
      if (!current) return;
      current.delete(subscription);
      if (current.size === 0) this.#channels.delete(channel);
    };
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#channels.clear();
  }
}
