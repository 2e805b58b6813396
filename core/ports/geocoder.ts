/** A place found for an address (WGS 84). */
export type GeocodeResult = {
  lat: number;
  lng: number;
  /** The provider's reading of the address, e.g. "Paris, Île-de-France, France". */
  formattedAddress: string;
  /** 0..1: 1 for a rooftop match, ~0.5 for a city centre, lower for guesses. */
  confidence: number;
};

/**
 * Turns addresses into coordinates (Google Geocoding in production, an offline gazetteer of
 * world cities when embedded). Use `geocodeBatch` (core/imports/geocode-batch.ts) for many
 * addresses: it paces calls to `rateLimitPerSecond`.
 */
export interface Geocoder {
  /** Which adapter this is, for logs and `/health`. */
  readonly kind: string;
  /** Requests per second the provider accepts (`Infinity` when there is no limit). */
  readonly rateLimitPerSecond: number;
  /**
   * The best match, or null when nothing matches (or the address is blank). Throws
   * `RateLimited` when the provider keeps refusing for quota after retries, and
   * `ServiceUnavailable` when it cannot be used (bad key, unreachable); messages never
   * contain credentials.
   */
  geocode(address: string): Promise<GeocodeResult | null>;
}
