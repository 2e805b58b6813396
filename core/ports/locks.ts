/** A held lock. Only its holder (the random token) can extend or release it. */
export interface Lock {
  readonly key: string;
  readonly token: string;
  /** Pushes expiry to now + ttlMs; false when the lock was lost (expired and taken). */
  extend(ttlMs: number): Promise<boolean>;
  /** Releases when still held by us; a no-op otherwise. */
  release(): Promise<void>;
}

/**
 * Distributed mutual exclusion with expiry (Redis `SET NX PX` + token-checked
 * release; in-process map when embedded).
 */
export interface Locks {
  /** Acquires `key` for `ttlMs`, or returns null at once when someone else holds it. */
  tryAcquire(key: string, ttlMs: number): Promise<Lock | null>;
  close(): Promise<void>;
}
