import type { GeocodeResult, Geocoder } from "../ports/geocoder.ts";

export type GeocodeBatchOptions = {
  /** Calls in flight at once (default: up to 10, never more than the rate allows per second). */
  concurrency?: number;
  /** Called as each address is answered, e.g. to write it and report progress. */
  onResult?: (index: number, result: GeocodeResult | null) => void | Promise<void>;
  /** Stops starting new calls once aborted (calls in flight finish). */
  signal?: AbortSignal;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
};

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Geocodes many addresses, starting at most `geocoder.rateLimitPerSecond` calls per second
 * (calls are spaced evenly, so a burst never trips the provider's limit), and asking once for
 * addresses that repeat. Results are in input order; an error (e.g. `RateLimited` after the
 * adapter's retries) stops the batch and is thrown, with what was answered already reported
 * through `onResult`.
 */
export async function geocodeBatch(geocoder: Geocoder, addresses: readonly string[], options: GeocodeBatchOptions = {}): Promise<Array<GeocodeResult | null>> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? realSleep;
  const rate = geocoder.rateLimitPerSecond;
  const interval = Number.isFinite(rate) && rate > 0 ? 1000 / rate : 0;
  const concurrency = Math.max(1, options.concurrency ?? Math.min(10, Number.isFinite(rate) ? Math.max(1, Math.floor(rate)) : 10));
  const results: Array<GeocodeResult | null> = new Array(addresses.length).fill(null);
  const asked = new Map<string, Promise<GeocodeResult | null>>();
  let nextSlot = now();
  let nextIndex = 0;
  let failed = false;

  const acquireSlot = async (): Promise<void> => {
    if (interval === 0) return;
    const slot = Math.max(nextSlot, now());
    nextSlot = slot + interval;
    const wait = slot - now();
    if (wait > 0) await sleep(wait);
  };

  const worker = async (): Promise<void> => {
    while (!failed && !options.signal?.aborted && nextIndex < addresses.length) {
      const index = nextIndex++;
      const key = addresses[index]!.trim().replace(/\s+/g, " ").toLowerCase();
      let pending = asked.get(key);
      if (!pending) {
        pending = key === "" ? Promise.resolve(null) : acquireSlot().then(() => geocoder.geocode(addresses[index]!));
        asked.set(key, pending);
      }
      try {
        results[index] = await pending;
      } catch (error) {
        failed = true;
        throw error;
      }
      await options.onResult?.(index, results[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, Math.max(1, addresses.length)) }, worker));
  return results;
}
