/**
 * GeoJSON geometries as records carry them (RFC 7946, WGS 84). Structure and coordinate
 * ranges are checked here; topology (self-intersecting rings) is checked by PostGIS, whose
 * `ST_IsValid` guards the records table (a CHECK constraint), so nothing invalid is stored.
 */
export type Position = [number, number] | [number, number, number];
export type Geometry =
  | { type: "Point"; coordinates: Position }
  | { type: "MultiPoint"; coordinates: Position[] }
  | { type: "LineString"; coordinates: Position[] }
  | { type: "MultiLineString"; coordinates: Position[][] }
  | { type: "Polygon"; coordinates: Position[][] }
  | { type: "MultiPolygon"; coordinates: Position[][][] }
  | { type: "GeometryCollection"; geometries: Geometry[] };

export const geometryTypes = ["Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon", "GeometryCollection"] as const;
export type GeometryType = (typeof geometryTypes)[number];

/** A lat/lng pair within range, or the reason it is not one. */
export function checkLatLng(lat: unknown, lng: unknown): string | null {
  if (typeof lat !== "number" || !Number.isFinite(lat) || typeof lng !== "number" || !Number.isFinite(lng)) return "lat and lng must be numbers";
  if (lat < -90 || lat > 90) return `latitude ${lat} is out of range (-90..90)`;
  if (lng < -180 || lng > 180) return `longitude ${lng} is out of range (-180..180)`;
  return null;
}

function checkPosition(p: unknown): string | null {
  if (!Array.isArray(p) || p.length < 2 || p.length > 3) return "a position is [lng, lat] or [lng, lat, alt]";
  if (p.some((n) => typeof n !== "number" || !Number.isFinite(n))) return "coordinates must be finite numbers";
  return checkLatLng(p[1], p[0]);
}

function checkPositions(list: unknown, min: number, what: string): string | null {
  if (!Array.isArray(list) || list.length < min) return `a ${what} needs at least ${min} positions`;
  for (const p of list) {
    const problem = checkPosition(p);
    if (problem) return problem;
  }
  return null;
}

function checkRing(ring: unknown): string | null {
  const problem = checkPositions(ring, 4, "polygon ring");
  if (problem) return problem;
  const r = ring as number[][];
  const [first, last] = [r[0]!, r[r.length - 1]!];
  if (first[0] !== last[0] || first[1] !== last[1]) return "a polygon ring must be closed (first position = last position)";
  return null;
}

function checkEach(list: unknown, check: (item: unknown) => string | null, what: string): string | null {
  if (!Array.isArray(list) || list.length === 0) return `a ${what} needs at least one member`;
  for (const item of list) {
    const problem = check(item);
    if (problem) return problem;
  }
  return null;
}

/** Why `value` is not a valid GeoJSON geometry, or null when it is one. */
export function geometryProblem(value: unknown, depth = 0): string | null {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return "must be a GeoJSON geometry object";
  const g = value as { type?: unknown; coordinates?: unknown; geometries?: unknown };
  switch (g.type) {
    case "Point":
      return checkPosition(g.coordinates);
    case "MultiPoint":
      return checkPositions(g.coordinates, 1, "multipoint");
    case "LineString":
      return checkPositions(g.coordinates, 2, "linestring");
    case "MultiLineString":
      return checkEach(g.coordinates, (l) => checkPositions(l, 2, "linestring"), "multilinestring");
    case "Polygon":
      return checkEach(g.coordinates, checkRing, "polygon");
    case "MultiPolygon":
      return checkEach(g.coordinates, (p) => checkEach(p, checkRing, "polygon"), "multipolygon");
    case "GeometryCollection":
      if (depth > 0) return "nested geometry collections are not supported";
      return checkEach(g.geometries, (m) => geometryProblem(m, depth + 1), "geometry collection");
    default:
      return `unknown geometry type ${JSON.stringify(g.type)}; expected one of ${geometryTypes.join(", ")}`;
  }
}

export function pointGeometry(lat: number, lng: number): Geometry {
  return { type: "Point", coordinates: [lng, lat] };
}

/** A `[minLng, minLat, maxLng, maxLat]` box from `"minLng,minLat,maxLng,maxLat"`, or the reason it is not one. */
export function parseBbox(text: string): { bbox: [number, number, number, number] } | { problem: string } {
  const parts = text.split(",").map((s) => s.trim());
  if (parts.length !== 4 || parts.some((s) => s === "" || !Number.isFinite(Number(s)))) {
    return { problem: "bbox must be four numbers: minLng,minLat,maxLng,maxLat" };
  }
  const [minLng, minLat, maxLng, maxLat] = parts.map(Number) as [number, number, number, number];
  const range = checkLatLng(minLat, minLng) ?? checkLatLng(maxLat, maxLng);
  if (range) return { problem: range };
  if (minLng > maxLng || minLat > maxLat) return { problem: "bbox minimums must not exceed its maximums" };
  return { bbox: [minLng, minLat, maxLng, maxLat] };
}
