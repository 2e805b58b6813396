import { RateLimited, ServiceUnavailable } from "../../core/errors.ts";
import type { GeocodeResult, Geocoder } from "../../core/ports/geocoder.ts";

export type GoogleGeocoderOptions = {
  apiKey: string;
  /** Google allows 50 requests per second per project by default. */
  rateLimitPerSecond?: number;
  /** Retries after OVER_QUERY_LIMIT, UNKNOWN_ERROR or a 5xx (default 3). */
  retries?: number;
  /** First backoff delay, doubled on each retry (default 500 ms). */
  backoffMs?: number;
  sleep?: (ms: number) => Promise<void>;
  fetch?: typeof fetch;
  endpoint?: string;
};

type GoogleResponse = {
  status?: string;
  error_message?: string;
  results?: Array<{
    formatted_address?: string;
    partial_match?: boolean;
    geometry?: { location?: { lat?: number; lng?: number }; location_type?: string };
  }>;
};

// How precise each kind of match is: a rooftop is exact, "approximate" is a town or region.
const LOCATION_CONFIDENCE: Record<string, number> = { ROOFTOP: 1, RANGE_INTERPOLATED: 0.8, GEOMETRIC_CENTER: 0.6, APPROXIMATE: 0.4 };

class Retryable extends Error {
  constructor(
    readonly status: string,
    readonly detail: string,
  ) {
    super(status);
  }
}

/**
 * The Google Geocoding API over fetch. The key travels only in the query string of the
 * request: error messages are built from Google's status and scrubbed of the key, and network
 * errors (whose text may carry the URL) are replaced by a plain message.
 */
export class GoogleGeocoder implements Geocoder {
  readonly kind = "google";
  readonly rateLimitPerSecond: number;
  private readonly apiKey: string;
  private readonly retries: number;
  private readonly backoffMs: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly fetch: typeof fetch;
  private readonly endpoint: string;

  constructor(options: GoogleGeocoderOptions) {
    this.apiKey = options.apiKey;
    this.rateLimitPerSecond = options.rateLimitPerSecond ?? 50;
    this.retries = options.retries ?? 3;
    this.backoffMs = options.backoffMs ?? 500;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.endpoint = options.endpoint ?? "https://maps.googleapis.com/maps/api/geocode/json";
  }

  async geocode(address: string): Promise<GeocodeResult | null> {
    const query = address.trim();
    if (query === "") return null;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.once(query);
      } catch (error) {
        if (!(error instanceof Retryable)) throw error;
        if (attempt >= this.retries) {
          if (error.status === "OVER_QUERY_LIMIT") {
            throw new RateLimited(Math.ceil((this.backoffMs * 2 ** attempt) / 1000), "the Google Geocoding API rate limit was exceeded; try again later");
          }
          throw new ServiceUnavailable(`the Google Geocoding API is failing (${error.detail})`);
        }
        // Exponential backoff with jitter, so parallel workers do not retry in lockstep.
        await this.sleep(this.backoffMs * 2 ** attempt * (0.75 + Math.random() * 0.5));
      }
    }
  }

  private scrub(text: string): string {
    return text.split(this.apiKey).join("[redacted]").slice(0, 300);
  }

  private async once(address: string): Promise<GeocodeResult | null> {
    const url = new URL(this.endpoint);
    url.searchParams.set("address", address);
    url.searchParams.set("key", this.apiKey);
    let response: Response;
    try {
      response = await this.fetch(url, { headers: { accept: "application/json" } });
    } catch {
      throw new Retryable("NETWORK", "it could not be reached");
    }
    if (response.status >= 500) throw new Retryable("HTTP", `HTTP ${response.status}`);
    let body: GoogleResponse;
    try {
      body = (await response.json()) as GoogleResponse;
    } catch {
      throw new ServiceUnavailable(`the Google Geocoding API answered HTTP ${response.status} with an unreadable body`);
    }
    const detail = body.error_message ? `: ${this.scrub(body.error_message)}` : "";
    switch (body.status) {
      case "OK":
        return this.toResult(body);
      case "ZERO_RESULTS":
        return null;
      case "OVER_QUERY_LIMIT":
        throw new Retryable("OVER_QUERY_LIMIT", "over the query limit");
      case "UNKNOWN_ERROR":
        throw new Retryable("UNKNOWN_ERROR", "unknown server error");
      case "OVER_DAILY_LIMIT":
        throw new ServiceUnavailable(`the Google Geocoding API refused the request: daily quota exceeded, or billing is not enabled on the key's project${detail}`);
      case "REQUEST_DENIED":
        throw new ServiceUnavailable(`the Google Geocoding API denied the request${detail}. Check GOOGLE_MAPS_API_KEY and that the Geocoding API is enabled for its project`);
      case "INVALID_REQUEST":
        // Google's word for an address it cannot read: nothing is found for it.
        return null;
      default:
        throw new ServiceUnavailable(`the Google Geocoding API answered an unexpected status ${JSON.stringify(this.scrub(String(body.status)))} (HTTP ${response.status})`);
    }
  }

  private toResult(body: GoogleResponse): GeocodeResult | null {
    const best = body.results?.[0];
    const location = best?.geometry?.location;
    if (!best || typeof location?.lat !== "number" || typeof location.lng !== "number") return null;
    const base = LOCATION_CONFIDENCE[best.geometry?.location_type ?? ""] ?? 0.5;
    return {
      lat: location.lat,
      lng: location.lng,
      formattedAddress: best.formatted_address ?? "",
      // A partial match means Google dropped part of the address to find something.
      confidence: best.partial_match ? Math.round(base * 0.75 * 100) / 100 : base,
    };
  }
}
