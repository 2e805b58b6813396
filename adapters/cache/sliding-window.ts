import type { RateLimitDecision } from "../../core/ports/rate-limiter.ts";

/** Checks limit and window and returns the window in milliseconds. */
export function validateRateLimit(limit: number, windowSeconds: number): number {
  if (!Number.isSafeInteger(limit) || limit < 1) throw new RangeError(`limit must be a positive integer, got ${limit}`);
  if (!Number.isFinite(windowSeconds) || windowSeconds <= 0) {
    throw new RangeError(`windowSeconds must be positive, got ${windowSeconds}`);
  }
  return Math.max(1, Math.round(windowSeconds * 1000));
}

/**
 * The decision for one more hit when `count` hits (the oldest at `oldest`) are
 * inside the window. Shared by both adapters so they round the same way; the Redis
 * script applies the same rule server-side.
 */
export function slidingWindowDecision(
  count: number,
  oldest: number | undefined,
  now: number,
  limit: number,
  windowMs: number,
): RateLimitDecision {
  if (count < limit) return { allowed: true, remaining: limit - count - 1, retryAfterSeconds: 0 };
  const retryMs = (oldest ?? now) + windowMs - now;
  return { allowed: false, remaining: 0, retryAfterSeconds: Math.max(1, Math.ceil(retryMs / 1000)) };
}
