/** Milliseconds for a TTL given in seconds; refuses zero, negative and non-finite values. */
export function ttlSecondsToMs(ttlSeconds: number): number {
  if (!Number.isFinite(ttlSeconds) || ttlSeconds <= 0) {
    throw new RangeError(`ttlSeconds must be a positive number, got ${ttlSeconds}`);
  }
  // Redis PX needs at least 1 ms; fractional seconds are allowed so short TTLs stay expressible.
  return Math.max(1, Math.round(ttlSeconds * 1000));
}

/** Milliseconds for a lock TTL; refuses anything below 1 ms. */
export function assertTtlMs(ttlMs: number): number {
  if (!Number.isFinite(ttlMs) || ttlMs < 1) throw new RangeError(`ttlMs must be at least 1, got ${ttlMs}`);
  return Math.round(ttlMs);
}

/** A clock in epoch milliseconds; injected by tests to control expiry. */
export type Clock = () => number;

/** The real clock. */
export const systemClock: Clock = () => Date.now();
