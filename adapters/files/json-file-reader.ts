import { JSONParser } from "@streamparser/json";
import { Invalid } from "../../core/errors.ts";
import type { CellValue, GeoJsonGeometry, HeaderRename, RejectedRow, TabularBatch, TabularFileFacts, TabularFormat, TabularRow } from "../../core/ports/tabular-file-reader.ts";
import { geometryProblem } from "../../core/records/geometry.ts";
import { decodeText } from "./decode-text.ts";

type Shape = "array" | "feature-collection";

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Keeps the column list growing in first-seen order, naming a blank key `column_<position>`. */
class Columns {
  readonly headers: string[] = [];
  readonly renamed: HeaderRename[] = [];
  private readonly byKey = new Map<string, string>();
  name(key: string): string {
    let name = this.byKey.get(key);
    if (name === undefined) {
      const position = this.headers.length + 1;
      name = key.trim() === "" ? `column_${position}` : key;
      if (name !== key) this.renamed.push({ position, original: key, renamedTo: name, reason: "blank" });
      this.byKey.set(key, name);
      this.headers.push(name);
    }
    return name;
  }
}

function cell(value: unknown): CellValue {
  if (value === null || typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  // Nested objects and arrays are kept as JSON text: a column holds one value.
  return JSON.stringify(value);
}

async function firstSignificantChar(chunks: AsyncGenerator<string>): Promise<{ char: string | null; buffered: string[] }> {
  const buffered: string[] = [];
  for await (const chunk of chunks) {
    buffered.push(chunk);
    const match = /\S/.exec(chunk);
    if (match) return { char: match[0], buffered };
    if (buffered.length > 64) break;
  }
  return { char: null, buffered };
}

/**
 * JSON (an array of objects) and GeoJSON (a FeatureCollection, or an array of Features) with
 * a streaming parser that hands out one element at a time: a 1 GB FeatureCollection is read in
 * the memory of its largest feature. A JSON file holding a FeatureCollection is read as GeoJSON.
 */
export async function* readJson(bytes: AsyncIterable<Uint8Array>, options: { batchSize: number; format: TabularFormat }): AsyncGenerator<TabularBatch> {
  const { chunks } = await decodeText(bytes, { utf8Only: true });
  try {
    const { char, buffered } = await firstSignificantChar(chunks);
    if (char === null) throw new Invalid("the file is empty");
    if (char !== "[" && char !== "{") throw new Invalid("the file is not JSON: it must start with [ or {");
    const shape: Shape = char === "[" ? "array" : "feature-collection";
    const featuresExpected = options.format === "geojson" || shape === "feature-collection";

    const columns = new Columns();
    const facts = (): TabularFileFacts => ({
      format: featuresExpected ? "geojson" : "json",
      encoding: "utf-8",
      delimiter: null,
      sheet: null,
      headers: [...columns.headers],
      renamedHeaders: [...columns.renamed],
    });
    let rows: TabularRow[] = [];
    let rejected: RejectedRow[] = [];
    let rootType: unknown;
    let elements = 0;
    let failure: Error | null = null;

    const parser = new JSONParser({ paths: shape === "array" ? ["$.*"] : ["$.type", "$.features.*"], keepStack: false });
    parser.onError = (error) => {
      failure ??= error;
    };
    parser.onValue = ({ value, key, stack }) => {
      if (shape === "feature-collection" && stack.length === 1) {
        if (key === "type") rootType = value;
        return;
      }
      const rowNumber = Number(key) + 1;
      elements++;
      if (!featuresExpected) {
        if (!isObject(value)) {
          rejected.push({ rowNumber, reason: "the element is not an object" });
          return;
        }
        const values: Record<string, CellValue> = {};
        for (const [k, v] of Object.entries(value)) values[columns.name(k)] = cell(v);
        rows.push({ rowNumber, values });
        return;
      }
      if (!isObject(value) || value.type !== "Feature") {
        rejected.push({ rowNumber, reason: "the element is not a GeoJSON Feature" });
        return;
      }
      const properties = value.properties ?? {};
      if (!isObject(properties)) {
        rejected.push({ rowNumber, column: "properties", reason: "the feature's properties are not an object" });
        return;
      }
      const geometry = value.geometry ?? null;
      const problem = geometry === null ? null : geometryProblem(geometry);
      if (problem) {
        rejected.push({ rowNumber, column: "geometry", reason: `invalid geometry: ${problem}` });
        return;
      }
      const values: Record<string, CellValue> = {};
      for (const [k, v] of Object.entries(properties)) values[columns.name(k)] = cell(v);
      rows.push(geometry === null ? { rowNumber, values } : { rowNumber, values, geometry: geometry as GeoJsonGeometry });
    };

    const take = (): TabularBatch => {
      const batch = { file: facts(), rows, rejected };
      rows = [];
      rejected = [];
      return batch;
    };
    const broken = (error: Error): never | RejectedRow => {
      if (elements === 0) throw new Invalid(`the file is not valid JSON: ${error.message}`);
      return { rowNumber: elements + 1, reason: `the file is not valid JSON from this element on, so the rest could not be read: ${error.message}` };
    };

    const feed = async function* (): AsyncGenerator<string> {
      yield* buffered;
      yield* chunks;
    };
    for await (const text of feed()) {
      if (parser.isEnded) {
        if (text.trim() !== "") failure ??= new Error("unexpected data after the end of the JSON document");
        continue;
      }
      parser.write(text);
      if (failure) break;
      if (rows.length + rejected.length >= options.batchSize) yield take();
    }
    if (!failure && !parser.isEnded) parser.end();
    if (failure) rejected.push(broken(failure));
    if (shape === "feature-collection" && rootType !== "FeatureCollection" && elements === 0) {
      throw new Invalid(
        options.format === "json"
          ? "a JSON import must be an array of objects or a GeoJSON FeatureCollection"
          : `a GeoJSON import must be a FeatureCollection${rootType ? `, not a ${String(rootType)}` : ""}`,
      );
    }
    yield take();
  } finally {
    await chunks.return(undefined);
  }
}
