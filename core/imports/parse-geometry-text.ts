import { geometryProblem, type Geometry } from "../records/geometry.ts";

/**
 * A geometry written in a cell: GeoJSON (`{"type":"Point","coordinates":[2.35,48.85]}`) or
 * WKT / EWKT (`POINT(2.35 48.85)`, `SRID=4326;POLYGON((...))`), in WGS 84 lng/lat order.
 * WKT is read by a small recursive-descent reader over its tokens: the grammar is tiny and
 * core takes no parser dependency for it.
 */
export type GeometryParse = { geometry: Geometry } | { problem: string };

const WKT_START = /^\s*(?:SRID=\d+;\s*)?(POINT|LINESTRING|POLYGON|MULTIPOINT|MULTILINESTRING|MULTIPOLYGON|GEOMETRYCOLLECTION)\b/i;

/** Whether `text` looks like a geometry at all (cheap test for type inference). */
export function looksLikeGeometry(text: string): boolean {
  const s = text.trimStart();
  return WKT_START.test(s) || (s.startsWith("{") && /"type"\s*:\s*"(Point|LineString|Polygon|MultiPoint|MultiLineString|MultiPolygon|GeometryCollection|Feature)"/.test(s));
}

export function parseGeometryText(text: string): GeometryParse {
  const s = text.trim();
  if (s.startsWith("{")) {
    let value: unknown;
    try {
      value = JSON.parse(s);
    } catch {
      return { problem: "is not valid GeoJSON (malformed JSON)" };
    }
    // A whole Feature in a cell is common in exports: take its geometry.
    if (typeof value === "object" && value !== null && (value as { type?: unknown }).type === "Feature") value = (value as { geometry?: unknown }).geometry;
    const problem = geometryProblem(value);
    return problem ? { problem: `is not a valid geometry: ${problem}` } : { geometry: value as Geometry };
  }
  const srid = /^SRID=(\d+);/i.exec(s);
  if (srid && srid[1] !== "4326") return { problem: `uses SRID ${srid[1]}; only WGS 84 (4326) is accepted` };
  try {
    const reader = new WktReader(s.replace(/^SRID=\d+;/i, ""));
    const geometry = reader.geometry(0);
    reader.end();
    const problem = geometryProblem(geometry);
    return problem ? { problem: `is not a valid geometry: ${problem}` } : { geometry };
  } catch (error) {
    return { problem: `is not valid WKT: ${(error as Error).message}` };
  }
}

type Position = [number, number] | [number, number, number];

class WktReader {
  private readonly tokens: string[];
  private i = 0;
  constructor(text: string) {
    this.tokens = text.match(/[A-Za-z]+|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?|[(),]|\S/g) ?? [];
  }
  end(): void {
    if (this.i < this.tokens.length) throw new Error(`unexpected "${this.tokens[this.i]}"`);
  }
  private peek(): string | undefined {
    return this.tokens[this.i];
  }
  private take(expected?: string): string {
    const token = this.tokens[this.i++];
    if (token === undefined) throw new Error("unexpected end");
    if (expected !== undefined && token.toUpperCase() !== expected) throw new Error(`expected "${expected}" but found "${token}"`);
    return token;
  }
  private list<T>(item: () => T): T[] {
    this.take("(");
    const out = [item()];
    while (this.peek() === ",") {
      this.take(",");
      out.push(item());
    }
    this.take(")");
    return out;
  }
  private position = (): Position => {
    const numbers: number[] = [];
    while (this.peek() !== undefined && /^[-+.\d]/.test(this.peek()!)) numbers.push(Number(this.take()));
    if (numbers.length < 2 || numbers.length > 3 || numbers.some((n) => !Number.isFinite(n))) throw new Error("a position needs 2 or 3 numbers");
    return numbers as Position;
  };
  private positions = (): Position[] => this.list(this.position);
  // MULTIPOINT is written both as (1 2, 3 4) and as ((1 2), (3 4)).
  private multiPoint = (): Position => {
    if (this.peek() !== "(") return this.position();
    this.take("(");
    const p = this.position();
    this.take(")");
    return p;
  };
  geometry(depth: number): Geometry {
    const type = this.take().toUpperCase();
    if (/^(Z|M|ZM)$/i.test(this.peek() ?? "")) {
      if (this.take().toUpperCase() !== "Z") throw new Error("measured (M) coordinates are not supported");
    }
    if (this.peek()?.toUpperCase() === "EMPTY") throw new Error(`${type} EMPTY has no coordinates`);
    switch (type) {
      case "POINT": {
        this.take("(");
        const p = this.position();
        this.take(")");
        return { type: "Point", coordinates: p };
      }
      case "LINESTRING":
        return { type: "LineString", coordinates: this.positions() };
      case "POLYGON":
        return { type: "Polygon", coordinates: this.list(this.positions) };
      case "MULTIPOINT":
        return { type: "MultiPoint", coordinates: this.list(this.multiPoint) };
      case "MULTILINESTRING":
        return { type: "MultiLineString", coordinates: this.list(this.positions) };
      case "MULTIPOLYGON":
        return { type: "MultiPolygon", coordinates: this.list(() => this.list(this.positions)) };
      case "GEOMETRYCOLLECTION":
        if (depth > 0) throw new Error("nested geometry collections are not supported");
        return { type: "GeometryCollection", geometries: this.list(() => this.geometry(depth + 1)) };
      default:
        throw new Error(`unknown geometry type "${type}"`);
    }
  }
}
