import { describe, expect, it } from "vitest";
import { inferColumnType, inferFieldTypes } from "../../../core/imports/infer-field-types.ts";
import type { CellValue } from "../../../core/ports/tabular-file-reader.ts";

const infer = (column: string, values: CellValue[]) => inferColumnType(column, values);

describe("inferColumnType", () => {
  it.each<[string, string, CellValue[], Record<string, unknown>?]>([
    ["plain numbers", "qty", ["1", "2.5", "-3", "1e3", "1,234.50"], { decimalSeparator: "." }],
    ["EU numbers", "menge", ["1.234,5", "2,75", "10"], { decimalSeparator: "," }],
    ["typed numbers", "n", [1, 2, 3.5]],
    ["currency with symbols", "price", ["$1,200.00", "$5", "$0.99"], { currency: "USD" }],
    ["EU currency", "preis", ["1.234,50 €", "12,00 €", "3 €"], { currency: "EUR", decimalSeparator: "," }],
    ["accounting negatives", "balance", ["(12.00) USD", "5.00 USD"], { currency: "USD" }],
    ["ISO dates", "created", ["2024-01-15", "2023-12-31"], { dateFormat: "iso" }],
    ["ISO timestamps", "at", ["2024-01-15T10:20:30Z", "2024-01-15 08:00"], { dateFormat: "iso_datetime" }],
    ["US dates", "date", ["1/15/2024", "12/31/2023", "3/4/2024"], { dateFormat: "mdy" }],
    ["day-first slash dates", "date", ["15/01/2024", "3/4/2024", "31/12/2023"], { dateFormat: "dmy" }],
    ["EU dot dates", "datum", ["15.01.2024", "01.02.2023"], { dateFormat: "dmy_dot" }],
    ["month names", "d", ["15 Jan 2024", "3 March 2023"], { dateFormat: "d_mon_y" }],
    ["booleans", "active", ["yes", "No", "TRUE", "false", "y"]],
    ["typed booleans", "active", [true, false]],
    ["emails", "contact", ["ada@example.com", "b.o+b@mail.example.co.uk"]],
    ["urls", "site", ["https://example.com", "www.example.org/path", "http://x.example.net?q=1"]],
    ["formatted phones", "contact_no", ["+1 (555) 123-4567", "555-123-4567", "+44 20 7946 0958"]],
    ["phones by header", "Phone", ["5551234567", "+15551234568"]],
    ["latitude", "Latitude", ["48.85", "-33.9", 51.5], { decimalSeparator: "." }],
    ["longitude", "lng", ["2.35", "-151.2", 0]],
    ["WKT geometry", "wkt", ["POINT(2.35 48.85)", "POLYGON((0 0, 1 0, 1 1, 0 0))"]],
    ["GeoJSON geometry", "shape", ['{"type":"Point","coordinates":[1,2]}']],
  ])("%s", (_label, column, values, extra = {}) => {
    const result = infer(column, values);
    expect(result.type).not.toBe("text");
    expect(result.confidence).toBeGreaterThanOrEqual(0.9);
    expect(result).toMatchObject(extra);
  });

  it("names the types it infers", () => {
    expect(infer("qty", ["1", "2"]).type).toBe("number");
    expect(infer("price", ["$1", "$2"]).type).toBe("currency");
    expect(infer("d", ["2024-01-01"]).type).toBe("date");
    expect(infer("ok", ["yes", "no"]).type).toBe("boolean");
    expect(infer("e", ["a@b.co"]).type).toBe("email");
    expect(infer("u", ["https://a.example"]).type).toBe("url");
    expect(infer("p", ["+1 555 123 4567"]).type).toBe("phone");
    expect(infer("lat", ["1"]).type).toBe("latitude");
    expect(infer("lon", ["1"]).type).toBe("longitude");
    expect(infer("g", ["LINESTRING(0 0, 1 1)"]).type).toBe("geometry");
    expect(infer("name", ["Ada", "Bob"]).type).toBe("text");
  });

  it("keeps identifiers with leading zeros (zip codes) as text", () => {
    expect(infer("zip", ["02134", "10001", "00501"]).type).toBe("text");
  });

  it("does not take 1/0 columns for booleans", () => {
    expect(infer("flag", ["1", "0", "1"]).type).toBe("number");
  });

  it("rejects latitudes out of range and lat headers with text", () => {
    expect(infer("lat", ["95", "100"]).type).toBe("number");
    expect(infer("latitude", ["north", "south"]).type).toBe("text");
  });

  it("tolerates a few dirty values but not many", () => {
    const mostly = [...Array.from({ length: 19 }, (_, i) => String(i + 1)), "n/a"];
    expect(infer("qty", mostly)).toMatchObject({ type: "number", confidence: 0.95 });
    const half = ["1", "2", "x", "y"];
    expect(infer("qty", half)).toMatchObject({ type: "text", confidence: 0.5 });
  });

  it("types an empty column as text with zero confidence, ignoring empty cells elsewhere", () => {
    expect(infer("blank", [null, "", "  "])).toMatchObject({ type: "text", confidence: 0, nonEmpty: 0, empty: 3 });
    expect(infer("qty", ["1", null, "", "2"])).toMatchObject({ type: "number", nonEmpty: 2, empty: 2 });
  });

  it("refuses to pick a slash-date order when the column contradicts itself", () => {
    expect(infer("d", ["13/01/2024", "01/13/2024"]).type).toBe("text");
  });

  it("gives up to five distinct samples", () => {
    expect(infer("x", ["a", "a", "b", "c", "d", "e", "f"]).samples).toEqual(["a", "b", "c", "d", "e"]);
  });

  it("suggests field types: a lat/lng pair becomes one lat_lng field", () => {
    const result = inferFieldTypes(["name", "Latitude", "Longitude"], [
      { name: "Paris", Latitude: "48.85", Longitude: "2.35" },
      { name: "Sydney", Latitude: "-33.87", Longitude: "151.21" },
    ]);
    expect(result.columns.map((c) => c.suggestedFieldType)).toEqual(["text", "lat_lng", "lat_lng"]);
    expect(result.latLng).toEqual({ latitude: "Latitude", longitude: "Longitude" });
    expect(inferFieldTypes(["lat"], [{ lat: "1" }]).latLng).toBeNull();
  });
});
