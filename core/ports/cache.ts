/**
 * Key-value cache with expiry. Production: Redis; embedded: in-process map.
 * Values are strings; callers serialise. Keys are namespaced by the caller
 * (e.g. `ws:{id}:members`).
 */
export interface Cache {
  get(key: string): Promise<string | null>;
  /** Stores `value`; `ttlSeconds` omitted means no expiry. */
  set(key: string, value: string, ttlSeconds?: number): Promise<void>;
  /** Stores only when absent; true when it stored. */
  setIfAbsent(key: string, value: string, ttlSeconds?: number): Promise<boolean>;
  delete(key: string): Promise<void>;
  /** Atomically adds `by` (default 1), creating the key at 0 first; a new key gets `ttlSeconds`. */
  increment(key: string, by?: number, ttlSeconds?: number): Promise<number>;
  /** Resolves when the backing store answers; rejects otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
