import type { ByteSource, CellValue, HeaderRename, RejectedRow, TabularFileReader, TabularFormat, TabularRow } from "../ports/tabular-file-reader.ts";
import { inferFieldTypes, type ColumnInference } from "./infer-field-types.ts";

export type FileAnalysis = {
  format: TabularFormat;
  encoding: "utf-8" | "windows-1252" | null;
  delimiter: string | null;
  sheet: string | null;
  headers: string[];
  renamedHeaders: HeaderRename[];
  fields: ColumnInference[];
  /** The latitude/longitude columns that make a location, when the file has both. */
  latLng: { latitude: string; longitude: string } | null;
  /** GeoJSON: how many features carry each geometry type (empty for other formats). */
  geometryTypes: Record<string, number>;
  /** The first rows, as read. */
  sampleRows: TabularRow[];
  /** Rows read (rejected rows not included), counted over the whole file. */
  totalRows: number;
  rejectedRows: number;
  /** The first rejected rows, so the user can see what is wrong before importing. */
  rejectedSamples: RejectedRow[];
};

export type AnalyzeOptions = {
  format: TabularFormat;
  maxBytes?: number;
  delimiter?: string;
  /** Rows shown back (default 10). */
  sampleRows?: number;
  /** Rows types are inferred from (default 1000): enough to see dirty values, bounded in memory. */
  inferenceRows?: number;
};

/**
 * Reads a whole upload once, streaming, to describe it for the import screen: its columns
 * with inferred types, the first rows, and how many rows it has and how many are unreadable.
 * Memory stays bounded by `inferenceRows` whatever the file's size.
 */
export async function analyzeFile(deps: { files: TabularFileReader }, source: ByteSource, options: AnalyzeOptions): Promise<FileAnalysis> {
  const sampleSize = options.sampleRows ?? 10;
  const inferenceSize = options.inferenceRows ?? 1000;
  const inferenceRows: Array<Record<string, CellValue>> = [];
  const sampleRows: TabularRow[] = [];
  const rejectedSamples: RejectedRow[] = [];
  const geometryTypes: Record<string, number> = {};
  let totalRows = 0;
  let rejectedRows = 0;
  let facts: Omit<FileAnalysis, "fields" | "latLng" | "geometryTypes" | "sampleRows" | "totalRows" | "rejectedRows" | "rejectedSamples"> | null = null;

  for await (const batch of deps.files.read(source, { format: options.format, maxBytes: options.maxBytes, delimiter: options.delimiter })) {
    facts = batch.file;
    for (const row of batch.rows) {
      totalRows++;
      if (sampleRows.length < sampleSize) sampleRows.push(row);
      if (inferenceRows.length < inferenceSize) inferenceRows.push(row.values);
      if (row.geometry) geometryTypes[row.geometry.type] = (geometryTypes[row.geometry.type] ?? 0) + 1;
    }
    rejectedRows += batch.rejected.length;
    for (const r of batch.rejected) if (rejectedSamples.length < 20) rejectedSamples.push(r);
  }
  if (!facts) throw new Error("the file reader produced no batch"); // the port promises at least one
  const inference = inferFieldTypes(facts.headers, inferenceRows);
  return {
    format: facts.format,
    encoding: facts.encoding,
    delimiter: facts.delimiter,
    sheet: facts.sheet,
    headers: facts.headers,
    renamedHeaders: facts.renamedHeaders,
    fields: inference.columns,
    latLng: inference.latLng,
    geometryTypes,
    sampleRows,
    totalRows,
    rejectedRows,
    rejectedSamples,
  };
}
