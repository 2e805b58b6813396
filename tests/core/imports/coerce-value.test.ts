import { describe, expect, it } from "vitest";
import { coerceLatLng, coerceValue, type ValueCoercion } from "../../../core/imports/coerce-value.ts";
import type { CellValue } from "../../../core/ports/tabular-file-reader.ts";

const ok = (raw: CellValue, how: ValueCoercion, value: unknown) => expect(coerceValue(raw, how)).toEqual({ value });
const bad = (raw: CellValue, how: ValueCoercion, problem: RegExp) => {
  const result = coerceValue(raw, how);
  expect("problem" in result ? result.problem : result).toMatch(problem);
};

describe("coerceValue", () => {
  it("turns empty cells into null whatever the type", () => {
    for (const type of ["text", "number", "date", "geometry", "boolean"] as const) {
      ok(null, { type }, null);
      ok("  ", { type }, null);
    }
  });

  it("text keeps the value as written", () => {
    ok(" Ada ", { type: "text" }, " Ada ");
    ok(12, { type: "text" }, "12");
    bad("x".repeat(100_001), { type: "text" }, /longer than/);
  });

  it("numbers in both decimal conventions", () => {
    ok("1,234.5", { type: "number" }, 1234.5);
    ok("1.234,5", { type: "number", decimalSeparator: "," }, 1234.5);
    ok("1 234,5", { type: "number", decimalSeparator: "," }, 1234.5);
    ok("-0.5", { type: "number" }, -0.5);
    ok(7, { type: "number" }, 7);
    ok("2,5", { type: "number" }, 2.5); // no separator given: comma tried after dot
    bad("12abc", { type: "number" }, /"12abc" is not a number/);
    bad("1,2,3", { type: "number", decimalSeparator: "." }, /not a number/);
    bad(true, { type: "number" }, /not a number/);
  });

  it("money with symbols, codes and accounting negatives", () => {
    ok("$1,200.50", { type: "currency" }, 1200.5);
    ok("1.234,50 €", { type: "currency", decimalSeparator: "," }, 1234.5);
    ok("(12.00)", { type: "currency" }, -12);
    ok("-$5", { type: "currency" }, -5);
    ok("EUR 3", { type: "currency" }, 3);
    ok(9.99, { type: "currency" }, 9.99);
    bad("$ten", { type: "currency" }, /not an amount of money/);
    bad("$5 EUR", { type: "currency" }, /not an amount/);
  });

  it("dates in the column's format, ISO always accepted", () => {
    ok("3/4/2024", { type: "date", dateFormat: "mdy" }, "2024-03-04");
    ok("3/4/2024", { type: "date", dateFormat: "dmy" }, "2024-04-03");
    ok("2024-04-03", { type: "date", dateFormat: "dmy" }, "2024-04-03");
    ok("15.01.2024 14:05", { type: "date", dateFormat: "dmy_dot" }, "2024-01-15T14:05:00.000Z");
    ok("1/15/2024 2:30 pm", { type: "date", dateFormat: "mdy" }, "2024-01-15T14:30:00.000Z");
    ok("2024-01-15T10:00:00+02:00", { type: "date" }, "2024-01-15T08:00:00.000Z");
    ok("Jan 5, 2024", { type: "date" }, "2024-01-05");
    ok("2024/01/05", { type: "date" }, "2024-01-05");
    bad("31/02/2024", { type: "date", dateFormat: "dmy" }, /is not a date \(dmy\)/);
    bad("2023-02-29", { type: "date" }, /not a date/);
    bad("13/13/2024", { type: "date" }, /not a date/);
    bad("25:00", { type: "date" }, /not a date/);
    bad(45000, { type: "date" }, /not a date/);
  });

  it("booleans in words and as 1/0", () => {
    ok("Yes", { type: "boolean" }, true);
    ok("off", { type: "boolean" }, false);
    ok("1", { type: "boolean" }, true);
    ok(0, { type: "boolean" }, false);
    ok(true, { type: "boolean" }, true);
    bad("maybe", { type: "boolean" }, /not true\/false/);
  });

  it("emails, urls and phones", () => {
    ok(" ada@example.com ", { type: "email" }, "ada@example.com");
    bad("ada@", { type: "email" }, /not an email/);
    ok("example.com/about", { type: "url" }, "https://example.com/about");
    ok("http://example.com", { type: "url" }, "http://example.com");
    bad("ftp://example.com", { type: "url" }, /not a web address/);
    bad("not a url", { type: "url" }, /not a web address/);
    ok("+1 (555) 123-4567 ext 12", { type: "phone" }, "+1 (555) 123-4567 ext 12");
    bad("12", { type: "phone" }, /not a phone/);
    bad("(555 123 4567", { type: "phone" }, /not a phone/);
  });

  it("coordinates within range", () => {
    ok("48,85", { type: "latitude", decimalSeparator: "," }, 48.85);
    ok(-180, { type: "longitude" }, -180);
    bad("91", { type: "latitude" }, /latitude 91 is out of range/);
    bad("north", { type: "longitude" }, /not a longitude/);
  });

  it("geometries from WKT, EWKT and GeoJSON text", () => {
    ok("POINT (2.35 48.85)", { type: "geometry" }, { type: "Point", coordinates: [2.35, 48.85] });
    ok("SRID=4326;POINT Z (1 2 3)", { type: "geometry" }, { type: "Point", coordinates: [1, 2, 3] });
    ok("MULTIPOINT (1 2, 3 4)", { type: "geometry" }, { type: "MultiPoint", coordinates: [[1, 2], [3, 4]] });
    ok("MULTIPOINT ((1 2), (3 4))", { type: "geometry" }, { type: "MultiPoint", coordinates: [[1, 2], [3, 4]] });
    ok("polygon((0 0,1 0,1 1,0 0))", { type: "geometry" }, { type: "Polygon", coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] });
    ok(
      "MULTIPOLYGON(((0 0,1 0,1 1,0 0)),((5 5,6 5,6 6,5 5)))",
      { type: "geometry" },
      { type: "MultiPolygon", coordinates: [[[[0, 0], [1, 0], [1, 1], [0, 0]]], [[[5, 5], [6, 5], [6, 6], [5, 5]]]] },
    );
    ok(
      "GEOMETRYCOLLECTION(POINT(1 2), LINESTRING(0 0, 1 1))",
      { type: "geometry" },
      { type: "GeometryCollection", geometries: [{ type: "Point", coordinates: [1, 2] }, { type: "LineString", coordinates: [[0, 0], [1, 1]] }] },
    );
    ok('{"type":"Feature","geometry":{"type":"Point","coordinates":[1,2]}}', { type: "geometry" }, { type: "Point", coordinates: [1, 2] });
    bad("POINT(1)", { type: "geometry" }, /not valid WKT: a position needs 2 or 3 numbers/);
    bad("POINT(1 2", { type: "geometry" }, /not valid WKT/);
    bad("POINT(1 2) x", { type: "geometry" }, /unexpected "x"/);
    bad("POINT EMPTY", { type: "geometry" }, /EMPTY/);
    bad("SRID=3857;POINT(1 2)", { type: "geometry" }, /only WGS 84/);
    bad("POLYGON((0 0,1 0,1 1,0 1))", { type: "geometry" }, /not a valid geometry: .*closed/);
    bad("POINT(200 10)", { type: "geometry" }, /longitude 200 is out of range/);
    bad('{"type":"Point"', { type: "geometry" }, /malformed JSON/);
    bad('{"type":"Circle","coordinates":[1,2]}', { type: "geometry" }, /unknown geometry type/);
  });
});

describe("coerceLatLng", () => {
  it("pairs two columns into {lat, lng}", () => {
    expect(coerceLatLng("48.85", 2.35)).toEqual({ value: { lat: 48.85, lng: 2.35 } });
    expect(coerceLatLng(null, "")).toEqual({ value: null });
    expect(coerceLatLng("48.85", null)).toEqual({ problem: "latitude given without longitude" });
    expect(coerceLatLng(null, "2")).toEqual({ problem: "longitude given without latitude" });
    expect(coerceLatLng("100", "2")).toEqual({ problem: "latitude 100 is out of range (-90..90)" });
  });
});
