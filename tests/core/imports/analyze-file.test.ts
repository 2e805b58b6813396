import { describe, expect, it } from "vitest";
import { StreamingTabularFileReader } from "../../../adapters/files/streaming-tabular-file-reader.ts";
import { analyzeFile } from "../../../core/imports/analyze-file.ts";
import { chunked, utf8 } from "../../adapters/files/read-helpers.ts";

const files = new StreamingTabularFileReader();

describe("analyzeFile", () => {
  it("describes a CSV: headers, inferred types, first rows, totals over the whole file", async () => {
    const lines = ["name,email,amount,joined,lat,lng,active"];
    for (let i = 1; i <= 1500; i++) lines.push(`Person ${i},p${i}@example.com,"$${i}.50",2024-01-${String((i % 28) + 1).padStart(2, "0")},48.${i},2.${i},${i % 2 ? "yes" : "no"}`);
    lines.splice(5, 0, "broken,row");
    const analysis = await analyzeFile({ files }, chunked(utf8(`${lines.join("\n")}\n`), 4096), { format: "csv", inferenceRows: 200 });
    expect(analysis).toMatchObject({ format: "csv", encoding: "utf-8", delimiter: ",", totalRows: 1500, rejectedRows: 1 });
    expect(analysis.headers).toEqual(["name", "email", "amount", "joined", "lat", "lng", "active"]);
    expect(analysis.fields.map((f) => [f.column, f.type])).toEqual([
      ["name", "text"],
      ["email", "email"],
      ["amount", "currency"],
      ["joined", "date"],
      ["lat", "latitude"],
      ["lng", "longitude"],
      ["active", "boolean"],
    ]);
    expect(analysis.latLng).toEqual({ latitude: "lat", longitude: "lng" });
    expect(analysis.sampleRows).toHaveLength(10);
    expect(analysis.sampleRows[0]).toEqual({
      rowNumber: 2,
      values: { name: "Person 1", email: "p1@example.com", amount: "$1.50", joined: "2024-01-02", lat: "48.1", lng: "2.1", active: "yes" },
    });
    expect(analysis.rejectedSamples).toEqual([{ rowNumber: 6, reason: "expected 7 fields, found 2" }]);
  });

  it("counts geometry types of a GeoJSON file", async () => {
    const fc = {
      type: "FeatureCollection",
      features: [
        { type: "Feature", properties: { n: 1 }, geometry: { type: "Point", coordinates: [1, 2] } },
        { type: "Feature", properties: { n: 2 }, geometry: { type: "Point", coordinates: [3, 4] } },
        { type: "Feature", properties: { n: 3 }, geometry: { type: "LineString", coordinates: [[0, 0], [1, 1]] } },
      ],
    };
    const analysis = await analyzeFile({ files }, chunked(utf8(JSON.stringify(fc))), { format: "geojson" });
    expect(analysis).toMatchObject({ format: "geojson", totalRows: 3, geometryTypes: { Point: 2, LineString: 1 }, headers: ["n"] });
    expect(analysis.fields[0]).toMatchObject({ column: "n", type: "number" });
  });
});
