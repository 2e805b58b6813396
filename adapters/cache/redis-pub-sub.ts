import type { Redis } from "ioredis";
import type { Logger } from "../../core/ports/logger.ts";
import type { PubSub, Unsubscribe } from "../../core/ports/pub-sub.ts";
import { attachErrorLogging, closeRedis } from "./redis-connection.ts";

type Subscription = { onMessage: (message: string) => void };

/**
 * {@link PubSub} on Redis. Publishing uses the shared command connection; all
 * subscriptions of the process share ONE subscriber connection (opened on first
 * use) and are fanned out in process, so a thousand SSE clients cost one Redis
 * connection, not a thousand. ioredis re-sends SUBSCRIBE for every channel after
 * a reconnect (`autoResubscribe`); messages published while disconnected are lost,
 * which the port allows (at-most-once).
 */
export class RedisPubSub implements PubSub {
  readonly #redis: Redis;
  readonly #prefix: string;
  readonly #owns: boolean;
  readonly #logger: Logger | undefined;
  readonly #channels = new Map<string, Set<Subscription>>();
  /** Channels (unprefixed) Redis has confirmed we are subscribed to. */
  readonly #subscribed = new Set<string>();
  #subscriber: Promise<Redis> | null = null;
  /** SUBSCRIBE/UNSUBSCRIBE run one at a time, so quick subscribe-unsubscribe-subscribe sequences end in the right state. */
  #queue: Promise<void> = Promise.resolve();
  #closed = false;

  constructor(options: { redis: Redis; keyPrefix?: string; ownsConnection?: boolean; logger?: Logger }) {
    this.#redis = options.redis;
    this.#prefix = `${options.keyPrefix ?? ""}channel:`;
    this.#owns = options.ownsConnection ?? false;
    this.#logger = options.logger;
  }

  async publish(channel: string, message: string): Promise<void> {
    if (this.#closed) throw new Error("pub/sub is closed");
    await this.#redis.publish(this.#prefix + channel, message);
  }

  async subscribe(channel: string, onMessage: (message: string) => void): Promise<Unsubscribe> {
    if (this.#closed) throw new Error("pub/sub is closed");
    const subscription: Subscription = { onMessage };
    let subscriptions = this.#channels.get(channel);
    if (!subscriptions) this.#channels.set(channel, (subscriptions = new Set()));
    subscriptions.add(subscription);
    try {
      await this.#reconcile(channel);
    } catch (error) {
      subscriptions.delete(subscription);
      if (subscriptions.size === 0) this.#channels.delete(channel);
      throw error;
    }
    let done = false;
    return async () => {
      if (done) return;
      done = true;
      const current = this.#channels.get(channel);
      if (!current) return;
      current.delete(subscription);
      if (current.size === 0) this.#channels.delete(channel);
      if (!this.#closed) await this.#reconcile(channel);
    };
  }

  /** The number of Redis channels this process listens to (for tests and metrics). */
  get subscribedChannelCount(): number {
    return this.#subscribed.size;
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#channels.clear();
    await this.#queue.catch(() => undefined);
    const pending = this.#subscriber;
    this.#subscriber = null;
    const subscriber = pending ? await pending.catch(() => null) : null;
    if (subscriber) await closeRedis(subscriber);
    if (this.#owns) await closeRedis(this.#redis);
  }

  /** Brings the Redis subscription of `channel` in line with whether anyone in process listens. */
  #reconcile(channel: string): Promise<void> {
    const run = async (): Promise<void> => {
      const wanted = (this.#channels.get(channel)?.size ?? 0) > 0;
      const active = this.#subscribed.has(channel);
      if (wanted === active || this.#closed) return;
      const subscriber = await this.#openSubscriber();
      if (wanted) {
        await subscriber.subscribe(this.#prefix + channel);
        this.#subscribed.add(channel);
      } else {
        this.#subscribed.delete(channel);
        await subscriber.unsubscribe(this.#prefix + channel);
      }
    };
    const result = this.#queue.then(run);
    this.#queue = result.catch(() => undefined);
    return result;
  }

  #openSubscriber(): Promise<Redis> {
    this.#subscriber ??= (async () => {
      // duplicate() copies the URL and options; the name makes it easy to spot in CLIENT LIST.
      const subscriber = this.#redis.duplicate({
        lazyConnect: true,
        connectionName: `${this.#prefix}subscriber`,
        autoResubscribe: true,
        // Subscriber mode: SUBSCRIBE/UNSUBSCRIBE are not pipelined with anything.
        enableAutoPipelining: false,
        // A subscriber must wait out outages, not fail its (re)SUBSCRIBE after a few retries.
        maxRetriesPerRequest: null,
      });
      attachErrorLogging(subscriber, this.#logger, "redis subscriber");
      subscriber.on("message", (prefixed: string, message: string) => this.#deliver(prefixed, message));
      subscriber.on("ready", () => this.#logger?.debug("redis subscriber ready", { channels: this.#subscribed.size }));
      try {
        await subscriber.connect();
      } catch (error) {
        subscriber.disconnect();
        throw error;
      }
      return subscriber;
    })();
    // Let a failed first connection be retried by the next subscribe.
    this.#subscriber.catch(() => {
      this.#subscriber = null;
    });
    return this.#subscriber;
  }

  #deliver(prefixed: string, message: string): void {
    if (!prefixed.startsWith(this.#prefix)) return;
    const channel = prefixed.slice(this.#prefix.length);
    for (const subscription of [...(this.#channels.get(channel) ?? [])]) {
      try {
        subscription.onMessage(message);
      } catch (error) {
        this.#logger?.error("pub/sub subscriber threw", { channel, error });
      }
    }
  }
}
