import type { Geocoder } from "../../core/ports/geocoder.ts";
import { GoogleGeocoder } from "./google-geocoder.ts";
import { OfflineGazetteerGeocoder } from "./offline-gazetteer-geocoder.ts";

export type GeocoderConfig = {
  provider?: "google" | "offline";
  googleApiKey?: string;
  rateLimitPerSecond?: number;
};

/**
 * Google when asked for or when a key is set, else the offline gazetteer. Asking for Google
 * without a key is a configuration error, reported at start rather than at the first job.
 */
export function openGeocoder(config: GeocoderConfig): Geocoder {
  const provider = config.provider ?? (config.googleApiKey ? "google" : "offline");
  if (provider === "google") {
    if (!config.googleApiKey) throw new Error("GEOCODING_PROVIDER=google needs GOOGLE_MAPS_API_KEY");
    return new GoogleGeocoder({ apiKey: config.googleApiKey, rateLimitPerSecond: config.rateLimitPerSecond });
  }
  return new OfflineGazetteerGeocoder({ rateLimitPerSecond: config.rateLimitPerSecond });
}
