import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { geocodeBatch } from "../../core/imports/geocode-batch.ts";
import type { Geocoder } from "../../core/ports/geocoder.ts";
import type { ContractHarness } from "./harness.ts";

/** Great-circle distance in km, to check a result lands where it should. */
export function distanceKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

/** Addresses every adapter must place (the Google suite's fake API knows them too). */
export const knownPlaces = [
  { address: "Paris, France", lat: 48.8566, lng: 2.3522, name: "Paris" },
  { address: "Sydney, Australia", lat: -33.8688, lng: 151.2093, name: "Sydney" },
  { address: "1600 Amphitheatre Pkwy, Mountain View, CA 94043, USA", lat: 37.422, lng: -122.0841, name: "Mountain View" },
] as const;

export const unknownAddress = "Qwxzv Plxqj Zzyzx";

/** The behaviour every {@link Geocoder} adapter must show. */
export function describeGeocoderContract(name: string, make: () => Promise<ContractHarness<Geocoder>>): void {
  describe(`Geocoder contract: ${name}`, () => {
    let h: ContractHarness<Geocoder>;
    let g: Geocoder;
    beforeAll(async () => {
      h = await make();
      g = h.subject;
    });
    afterAll(async () => {
      await h?.close();
    });

    it.each(knownPlaces)("places $address within 25 km, with a readable address and a confidence", async (place) => {
      const result = await g.geocode(place.address);
      expect(result).not.toBeNull();
      expect(distanceKm(result!, place)).toBeLessThan(25);
      expect(result!.formattedAddress).toContain(place.name);
      expect(result!.confidence).toBeGreaterThan(0);
      expect(result!.confidence).toBeLessThanOrEqual(1);
    });

    it("answers null for an address that matches nothing, and for a blank one", async () => {
      expect(await g.geocode(unknownAddress)).toBeNull();
      expect(await g.geocode("   ")).toBeNull();
    });

    it("names itself and states a positive rate limit", () => {
      expect(g.kind).toMatch(/^[a-z]+$/);
      expect(g.rateLimitPerSecond).toBeGreaterThan(0);
    });

    it("geocodes a batch in input order through the rate-limited helper", async () => {
      const seen: number[] = [];
      const results = await geocodeBatch(g, [knownPlaces[0].address, unknownAddress, knownPlaces[1].address, knownPlaces[0].address], {
        onResult: (i) => {
          seen.push(i);
        },
      });
      expect(results.map((r) => r?.formattedAddress ?? null)).toEqual([
        expect.stringContaining("Paris"),
        null,
        expect.stringContaining("Sydney"),
        expect.stringContaining("Paris"),
      ]);
      expect(seen.sort()).toEqual([0, 1, 2, 3]);
    });
  });
}
