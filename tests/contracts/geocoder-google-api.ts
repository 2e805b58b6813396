import { http, HttpResponse } from "msw";
import { knownPlaces } from "./geocoder.contract.ts";

export const GOOGLE_GEOCODE_URL = "https://maps.googleapis.com/maps/api/geocode/json";
export const TEST_KEY = "AIzaTestKey-do-not-leak-123";

export type SeenGeocodeRequest = { address: string | null; key: string | null };

/**
 * A stand-in for the Google Geocoding API at the network edge: answers the contract's known
 * places like Google does (shape taken from its documentation), ZERO_RESULTS otherwise.
 */
export function googleGeocodingHandlers(seen: SeenGeocodeRequest[]) {
  return [
    http.get(GOOGLE_GEOCODE_URL, ({ request }) => {
      const url = new URL(request.url);
      const address = url.searchParams.get("address");
      const key = url.searchParams.get("key");
      seen.push({ address, key });
      if (key !== TEST_KEY) return HttpResponse.json({ status: "REQUEST_DENIED", error_message: "The provided API key is invalid.", results: [] });
      const place = knownPlaces.find((p) => p.address === address);
      if (!place) return HttpResponse.json({ status: "ZERO_RESULTS", results: [] });
      return HttpResponse.json({
        status: "OK",
        results: [
          {
            formatted_address: `${place.name}, somewhere`,
            geometry: { location: { lat: place.lat, lng: place.lng }, location_type: place.name === "Mountain View" ? "ROOFTOP" : "APPROXIMATE" },
            place_id: "ChIJ-test",
            types: ["locality", "political"],
          },
        ],
      });
    }),
  ];
}
