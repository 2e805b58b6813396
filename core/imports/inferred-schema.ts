import { fieldKeyFromName, type FieldInput } from "../recordsets/field-schema.ts";
import type { FileAnalysis } from "./analyze-file.ts";
import type { FieldMappings } from "./import-jobs.ts";
import { FEATURE_GEOMETRY_COLUMN } from "./import-plan.ts";

/**
 * A recordset schema from a file's analysis, for `createRecordsetFromImport` without `fields`:
 * one field per column with its inferred type, the latitude/longitude pair as one `lat_lng`
 * field, a GeoJSON file's feature geometry as a `geometry` field; and the mapping that fills them.
 */
export function fieldsFromAnalysis(analysis: Pick<FileAnalysis, "headers" | "fields" | "latLng" | "geometryTypes">): { fields: FieldInput[]; mappings: FieldMappings } {
  const fields: FieldInput[] = [];
  const mappings: FieldMappings = {};
  const taken = new Set<string>();
  const keyFor = (name: string): string => {
    const base = fieldKeyFromName(name);
    let key = base;
    for (let n = 2; taken.has(key); n++) key = `${base}_${n}`;
    taken.add(key);
    return key;
  };
  const pair = analysis.latLng;
  if (Object.keys(analysis.geometryTypes).length > 0 && !analysis.headers.includes(FEATURE_GEOMETRY_COLUMN)) {
    const key = keyFor("geometry");
    fields.push({ key, name: "Geometry", type: "geometry" });
    mappings[FEATURE_GEOMETRY_COLUMN] = key;
  }
  for (const column of analysis.fields) {
    if (pair && (column.column === pair.latitude || column.column === pair.longitude)) {
      if (column.column !== pair.latitude) continue;
      const key = keyFor("location");
      fields.push({ key, name: "Location", type: "lat_lng" });
      mappings[pair.latitude] = `${key}.lat`;
      mappings[pair.longitude] = `${key}.lng`;
      continue;
    }
    const key = keyFor(column.column);
    // Half a location pair on its own is just a number.
    const type = column.suggestedFieldType === "lat_lng" ? "number" : column.suggestedFieldType;
    fields.push({ key, name: column.column.trim() || key, type, ...(type === "currency" && column.currency ? { currency: column.currency } : {}) });
    mappings[column.column] = key;
  }
  return { fields, mappings };
}
