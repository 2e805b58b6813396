import { NotFound } from "../errors.ts";
import type { ObjectStorage } from "../ports/object-storage.ts";
import type { CellValue, TabularFileReader, TabularFormat } from "../ports/tabular-file-reader.ts";
import { inferFieldTypes, type ColumnInference } from "./infer-field-types.ts";

export type FileSample = {
  headers: string[];
  fields: ColumnInference[];
  latLng: { latitude: string; longitude: string } | null;
  geometryTypes: Record<string, number>;
};

const SAMPLE_ROWS = 1000;

/**
 * The headers and inferred column types from the first rows of a stored file (the reader
 * stops there): enough to check a field mapping or build a schema in a request, and for the
 * per-column formats (date order, decimal comma) the import coerces with.
 */
export async function sampleFile(deps: { storage: ObjectStorage; tabularFiles: TabularFileReader }, key: string, format: TabularFormat, maxBytes?: number): Promise<FileSample> {
  const object = await deps.storage.get(key);
  if (!object) throw new NotFound("file", key);
  const rows: Array<Record<string, CellValue>> = [];
  const geometryTypes: Record<string, number> = {};
  let headers: string[] = [];
  for await (const batch of deps.tabularFiles.read(object.body, { format, maxBytes, batchSize: 500 })) {
    headers = batch.file.headers;
    for (const row of batch.rows) {
      rows.push(row.values);
      if (row.geometry) geometryTypes[row.geometry.type] = (geometryTypes[row.geometry.type] ?? 0) + 1;
    }
    if (rows.length >= SAMPLE_ROWS) break;
  }
  const inference = inferFieldTypes(headers, rows);
  return { headers, fields: inference.columns, latLng: inference.latLng, geometryTypes };
}
