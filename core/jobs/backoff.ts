/** How long to wait before retrying a failed attempt. */
export type BackoffPolicy = {
  /** Delay after the first failure, before jitter. */
  baseMs: number;
  /** Growth per further failure. */
  factor: number;
  /** Ceiling, before jitter. */
  maxMs: number;
  /** Fraction of the delay that is randomised (0 = none, 1 = full jitter). */
  jitter: number;
};

/** 2 s, 4 s, 8 s ... up to 15 min, each minus up to 25% at random. */
export const defaultBackoff: BackoffPolicy = { baseMs: 2_000, factor: 2, maxMs: 15 * 60_000, jitter: 0.25 };

/**
 * Delay before the retry that follows failed attempt number `attempt` (1-based):
 * exponential, capped, with jitter so that jobs failing together (an outage) do
 * not come back in one burst. `random` returns [0, 1); inject it for tests.
 *
 * @example
 * backoffDelayMs(3, { ...defaultBackoff, jitter: 0 }); // 8000
 */
export function backoffDelayMs(
  attempt: number,
  policy: BackoffPolicy = defaultBackoff,
  random: () => number = Math.random,
): number {
  const n = Math.max(1, Math.floor(attempt));
  // Math.pow overflows to Infinity for large n; min() then caps it.
  const exponential = Math.min(policy.maxMs, policy.baseMs * Math.pow(policy.factor, n - 1));
  const jitter = Math.min(1, Math.max(0, policy.jitter));
  const r = Math.min(1, Math.max(0, random()));
  return Math.round(exponential * (1 - jitter * r));
}
