import type { Cache } from "../../core/ports/cache.ts";
import { systemClock, ttlSecondsToMs, type Clock } from "./ttl.ts";

type Entry = { value: string; expiresAt: number | null };

/** Writes between full sweeps of expired entries (amortised, so no timer is ever started). */
const SWEEP_EVERY_WRITES = 1000;

/**
 * In-process {@link Cache}: the embedded twin of {@link RedisCache}. Expiry is
 * checked on read and swept every few writes, so no timer keeps the process alive.
 *
 * @example
 * const cache = new MemoryCache();
 * await cache.set("k", "v", 60);
 */
export class MemoryCache implements Cache {
  readonly #entries = new Map<string, Entry>();
  readonly #now: Clock;
  #writes = 0;
  #closed = false;

  constructor(options: { now?: Clock } = {}) {
    this.#now = options.now ?? systemClock;
  }

  async get(key: string): Promise<string | null> {
    return this.#live(key)?.value ?? null;
  }

  async set(key: string, value: string, ttlSeconds?: number): Promise<void> {
    this.#write(key, value, ttlSeconds);
  }

  async setIfAbsent(key: string, value: string, ttlSeconds?: number): Promise<boolean> {
    if (this.#live(key)) return false;
    this.#write(key, value, ttlSeconds);
    return true;
  }

  async delete(key: string): Promise<void> {
    this.#entries.delete(key);
  }

  async increment(key: string, by = 1, ttlSeconds?: number): Promise<number> {
    if (!Number.isSafeInteger(by)) throw new RangeError(`increment must be an integer, got ${by}`);
    const entry = this.#live(key);
    if (!entry) {
      this.#write(key, String(by), ttlSeconds);
      return by;
    }
    // Same rule as Redis INCRBY: the stored value must be a base-10 integer.
    if (!/^-?\d+$/.test(entry.value)) throw new Error(`value at ${key} is not an integer`);
    const next = Number(entry.value) + by;
    entry.value = String(next);
    return next;
  }

  async ping(): Promise<void> {
    if (this.#closed) throw new Error("cache is closed");
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#entries.clear();
  }

  #live(key: string): Entry | undefined {
    const entry = this.#entries.get(key);
    if (entry && entry.expiresAt !== null && entry.expiresAt <= this.#now()) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry;
  }

  #write(key: string, value: string, ttlSeconds: number | undefined): void {
    const expiresAt = ttlSeconds === undefined ? null : this.#now() + ttlSecondsToMs(ttlSeconds);
    this.#entries.set(key, { value, expiresAt });
    if (++this.#writes % SWEEP_EVERY_WRITES === 0) this.#sweep();
  }

  #sweep(): void {
    const now = this.#now();
    for (const [key, entry] of this.#entries) {
      if (entry.expiresAt !== null && entry.expiresAt <= now) this.#entries.delete(key);
    }
  }
}
