import { randomUUID } from "node:crypto";
import type { Lock, Locks } from "../../core/ports/locks.ts";
import { assertTtlMs, systemClock, type Clock } from "./ttl.ts";

type Holder = { token: string; expiresAt: number };

/**
 * In-process {@link Locks}: the embedded twin of {@link RedisLocks}. A lock whose
 * TTL has passed is free for the next caller, and its old holder can no longer
 * extend or release it, exactly as with Redis.
 */
export class MemoryLocks implements Locks {
  readonly #holders = new Map<string, Holder>();
  readonly #now: Clock;

  constructor(options: { now?: Clock } = {}) {
    this.#now = options.now ?? systemClock;
  }

  async tryAcquire(key: string, ttlMs: number): Promise<Lock | null> {
    const ttl = assertTtlMs(ttlMs);
    this.#sweep();
    if (this.#heldBy(key)) return null;
    const token = randomUUID();
    this.#holders.set(key, { token, expiresAt: this.#now() + ttl });
    return {
      key,
      token,
      extend: async (nextTtlMs) => {
        const next = assertTtlMs(nextTtlMs);
        const holder = this.#heldBy(key);
        if (holder?.token !== token) return false;
        holder.expiresAt = this.#now() + next;
        return true;
      },
      release: async () => {
        if (this.#heldBy(key)?.token === token) this.#holders.delete(key);
      },
    };
  }

  async close(): Promise<void> {
    this.#holders.clear();
  }

  #heldBy(key: string): Holder | undefined {
    const holder = this.#holders.get(key);
    if (holder && holder.expiresAt <= this.#now()) {
      this.#holders.delete(key);
      return undefined;
    }
    return holder;
  }

  // Locks are few and short-lived; dropping expired ones on each acquire keeps the map small.
  #sweep(): void {
    const now = this.#now();
    for (const [key, holder] of this.#holders) if (holder.expiresAt <= now) this.#holders.delete(key);
  }
}
