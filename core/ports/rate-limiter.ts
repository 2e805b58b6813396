export type RateLimitDecision = {
  allowed: boolean;
  /** Requests left in the current window after this one (0 when refused). */
  remaining: number;
  /** Seconds until a refused caller may try again (0 when allowed). */
  retryAfterSeconds: number;
};

/** Counts hits per key in a sliding window (Redis sorted set; in-process when embedded). */
export interface RateLimiter {
  /** Records one hit on `key` and says whether it is within `limit` per `windowSeconds`. */
  hit(key: string, limit: number, windowSeconds: number): Promise<RateLimitDecision>;
  /** Forgets every hit on `key` (e.g. after a successful login). */
  reset(key: string): Promise<void>;
  close(): Promise<void>;
}
