import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { GoogleGeocoder } from "../../adapters/geocoding/google-geocoder.ts";
import { OfflineGazetteerGeocoder } from "../../adapters/geocoding/offline-gazetteer-geocoder.ts";
import { openGeocoder } from "../../adapters/geocoding/open-geocoder.ts";
import { RateLimited, ServiceUnavailable } from "../../core/errors.ts";
import { describeGeocoderContract } from "./geocoder.contract.ts";
import { GOOGLE_GEOCODE_URL, googleGeocodingHandlers, TEST_KEY, type SeenGeocodeRequest } from "./geocoder-google-api.ts";
import { sleep } from "./harness.ts";

const seen: SeenGeocodeRequest[] = [];
const server = setupServer(...googleGeocodingHandlers(seen));
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => {
  server.resetHandlers();
  seen.length = 0;
});
afterAll(() => server.close());

const noWait = async (): Promise<void> => undefined;
const google = (options: Partial<ConstructorParameters<typeof GoogleGeocoder>[0]> = {}) => new GoogleGeocoder({ apiKey: TEST_KEY, sleep: noWait, ...options });

describeGeocoderContract("offline gazetteer", async () => ({ subject: new OfflineGazetteerGeocoder(), elapse: sleep, close: async () => undefined }));
describeGeocoderContract("google (msw)", async () => ({ subject: google(), elapse: sleep, close: async () => undefined }));

/** Answers each request with the next body of `bodies` (the last one repeats). */
function answer(...bodies: Array<Record<string, unknown> | number>): void {
  let i = 0;
  server.use(
    http.get(GOOGLE_GEOCODE_URL, () => {
      const body = bodies[Math.min(i++, bodies.length - 1)]!;
      return typeof body === "number" ? new HttpResponse("upstream error", { status: body }) : HttpResponse.json(body);
    }),
  );
}

describe("GoogleGeocoder", () => {
  it("sends the address and key, and maps precision to confidence", async () => {
    const result = await google().geocode("1600 Amphitheatre Pkwy, Mountain View, CA 94043, USA");
    expect(result).toEqual({ lat: 37.422, lng: -122.0841, formattedAddress: "Mountain View, somewhere", confidence: 1 });
    expect(seen).toEqual([{ address: "1600 Amphitheatre Pkwy, Mountain View, CA 94043, USA", key: TEST_KEY }]);
  });

  it("lowers the confidence of a partial match", async () => {
    answer({ status: "OK", results: [{ formatted_address: "X", partial_match: true, geometry: { location: { lat: 1, lng: 2 }, location_type: "GEOMETRIC_CENTER" } }] });
    expect(await google().geocode("x")).toMatchObject({ confidence: 0.45 });
  });

  it("answers null without a request for a blank address, and for ZERO_RESULTS and INVALID_REQUEST", async () => {
    expect(await google().geocode("  ")).toBeNull();
    expect(seen).toHaveLength(0);
    answer({ status: "ZERO_RESULTS", results: [] }, { status: "INVALID_REQUEST" });
    expect(await google().geocode("nowhere")).toBeNull();
    expect(await google().geocode("???")).toBeNull();
  });

  it("retries OVER_QUERY_LIMIT with growing backoff, then succeeds", async () => {
    answer({ status: "OVER_QUERY_LIMIT", results: [] }, { status: "OVER_QUERY_LIMIT", results: [] }, { status: "OK", results: [{ formatted_address: "Paris", geometry: { location: { lat: 48.85, lng: 2.35 }, location_type: "APPROXIMATE" } }] });
    const waits: number[] = [];
    const result = await google({ backoffMs: 100, sleep: async (ms) => void waits.push(ms) }).geocode("Paris");
    expect(result).toMatchObject({ lat: 48.85, confidence: 0.4 });
    expect(waits).toHaveLength(2);
    expect(waits[0]).toBeGreaterThanOrEqual(75);
    expect(waits[0]).toBeLessThanOrEqual(125);
    expect(waits[1]).toBeGreaterThanOrEqual(150);
    expect(waits[1]).toBeLessThanOrEqual(250);
  });

  it("gives up with RateLimited when the limit persists", async () => {
    answer({ status: "OVER_QUERY_LIMIT", results: [] });
    const error = await google({ retries: 2 }).geocode("Paris").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimited);
    expect((error as RateLimited).retryAfterSeconds).toBeGreaterThanOrEqual(1);
  });

  it("retries 5xx and UNKNOWN_ERROR, then reports ServiceUnavailable", async () => {
    answer(503, { status: "UNKNOWN_ERROR" }, { status: "OK", results: [{ formatted_address: "P", geometry: { location: { lat: 1, lng: 1 } } }] });
    expect(await google().geocode("P")).toMatchObject({ lat: 1, confidence: 0.5 });
    answer(502);
    await expect(google({ retries: 1 }).geocode("P")).rejects.toThrow(new ServiceUnavailable("the Google Geocoding API is failing (HTTP 502)"));
  });

  it("REQUEST_DENIED and OVER_DAILY_LIMIT become ServiceUnavailable with a clear message that never shows the key", async () => {
    answer({ status: "REQUEST_DENIED", error_message: `The provided API key is invalid: ${TEST_KEY}` });
    const denied = (await google().geocode("Paris").catch((e: unknown) => e)) as Error;
    expect(denied).toBeInstanceOf(ServiceUnavailable);
    expect(denied.message).toMatch(/denied the request: The provided API key is invalid: \[redacted\]\. Check GOOGLE_MAPS_API_KEY/);
    expect(JSON.stringify({ message: denied.message, details: (denied as ServiceUnavailable).details, stack: denied.stack })).not.toContain(TEST_KEY);

    answer({ status: "OVER_DAILY_LIMIT", error_message: "You have exceeded your daily request quota for this API." });
    await expect(google().geocode("Paris")).rejects.toThrow(/daily quota exceeded, or billing is not enabled/);
  });

  it("a network failure is ServiceUnavailable without the URL or key", async () => {
    server.use(http.get(GOOGLE_GEOCODE_URL, () => HttpResponse.error()));
    const error = (await google({ retries: 1 }).geocode("Paris").catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(ServiceUnavailable);
    expect(error.message).toBe("the Google Geocoding API is failing (it could not be reached)");
    expect(String(error.stack)).not.toContain(TEST_KEY);
  });

  it("an unreadable body is ServiceUnavailable", async () => {
    server.use(http.get(GOOGLE_GEOCODE_URL, () => new HttpResponse("<html>", { status: 200 })));
    await expect(google().geocode("Paris")).rejects.toBeInstanceOf(ServiceUnavailable);
  });
});

describe("OfflineGazetteerGeocoder", () => {
  const g = new OfflineGazetteerGeocoder();

  it("reads US-style addresses: a two-letter state wins over the country it also names", async () => {
    expect(await g.geocode("Los Angeles, CA")).toMatchObject({ formattedAddress: "Los Angeles, CA, United States of America" });
    expect(await g.geocode("Toronto, CA")).toMatchObject({ formattedAddress: "Toronto, Canada" });
    expect(await g.geocode("Paris, TX")).toMatchObject({ formattedAddress: "Paris, TX, United States of America", confidence: 0.5 });
    expect(await g.geocode("Springfield, Illinois, USA")).toMatchObject({ formattedAddress: "Springfield, IL, United States of America" });
  });

  it("normalises accents, case and abbreviations, and ignores street parts and postal codes", async () => {
    expect(await g.geocode("sao paulo, BRAZIL")).toMatchObject({ formattedAddress: "São Paulo, Brazil" });
    expect(await g.geocode("Saint Louis, MO")).toMatchObject({ formattedAddress: "St. Louis, MO, United States of America" });
    expect(await g.geocode("10 Downing Street, London SW1A 2AA, UK")).toMatchObject({ formattedAddress: "London, United Kingdom" });
    expect(await g.geocode("Munich, DEU")).toMatchObject({ formattedAddress: "Munich, Germany" });
  });

  it("without a country, takes the most populous namesake with a lower confidence", async () => {
    expect(await g.geocode("Paris")).toMatchObject({ formattedAddress: "Paris, France", confidence: 0.3 });
  });
});

describe("openGeocoder", () => {
  it("picks Google with a key, the gazetteer without, and refuses Google without a key", () => {
    expect(openGeocoder({ googleApiKey: "k" }).kind).toBe("google");
    expect(openGeocoder({}).kind).toBe("offline");
    expect(openGeocoder({ provider: "offline", googleApiKey: "k" }).kind).toBe("offline");
    expect(openGeocoder({ rateLimitPerSecond: 5 }).rateLimitPerSecond).toBe(5);
    expect(openGeocoder({ googleApiKey: "k" }).rateLimitPerSecond).toBe(50);
    expect(() => openGeocoder({ provider: "google" })).toThrow(/needs GOOGLE_MAPS_API_KEY/);
  });
});
