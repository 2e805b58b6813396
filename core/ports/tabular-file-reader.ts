/**
 * Reads the rows of an uploaded spreadsheet or GIS file as a stream of batches, so an import
 * of a million rows never holds the file (or all its rows) in memory.
 *
 * Row numbers are what a person sees when opening the file: for CSV and XLSX the spreadsheet
 * row (the header is row 1, the first data row is row 2); for JSON and GeoJSON the 1-based
 * position of the element in the array (or of the feature in `features`).
 */
export const tabularFormats = ["csv", "xlsx", "geojson", "json"] as const;
export type TabularFormat = (typeof tabularFormats)[number];

export type CellValue = string | number | boolean | null;

/** A GeoJSON geometry object (RFC 7946); readers only hand out structurally valid ones. */
export type GeoJsonGeometry = { type: string; coordinates?: unknown; geometries?: unknown[] };

export type TabularRow = {
  rowNumber: number;
  /** Keyed by the (normalised) header; an empty cell is `null`. */
  values: Record<string, CellValue>;
  /** A GeoJSON feature's geometry (GeoJSON only; absent when the feature has none). */
  geometry?: GeoJsonGeometry;
};

/** A row the reader could not turn into values (ragged, broken quoting, invalid geometry...). */
export type RejectedRow = { rowNumber: number; column?: string; reason: string };

/** A header that was blank or repeated and got a new name so every column is addressable. */
export type HeaderRename = { position: number; original: string; renamedTo: string; reason: "blank" | "duplicate" };

export type TabularFileFacts = {
  format: TabularFormat;
  /** How the text was decoded (CSV: detected; JSON/GeoJSON: always UTF-8; XLSX: none). */
  encoding: "utf-8" | "windows-1252" | null;
  /** The CSV field delimiter (detected unless given). */
  delimiter: string | null;
  /** The worksheet read (XLSX: the first one). */
  sheet: string | null;
  /** Columns in file order. CSV/XLSX: all of them from the first batch on; JSON: grows as new keys appear. */
  headers: string[];
  renamedHeaders: HeaderRename[];
};

export type TabularBatch = {
  file: TabularFileFacts;
  rows: TabularRow[];
  rejected: RejectedRow[];
};

/** An upload body: a web stream (fetch, object storage) or any async iterable of bytes (a Node stream). */
export type ByteSource = ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>;

export type TabularReadOptions = {
  format: TabularFormat;
  /** Reading more bytes than this fails with `PayloadTooLarge`. */
  maxBytes?: number;
  /** Rows per batch (default 1000). */
  batchSize?: number;
  /** CSV: the delimiter to use instead of detecting it. */
  delimiter?: string;
};

export interface TabularFileReader {
  /**
   * The file's rows in batches, in file order. At least one batch is produced for a readable
   * file (possibly with no rows), so the headers are always seen. Throws `Invalid` for a file
   * that cannot be read at all (empty, not a workbook, no header row), `PayloadTooLarge` past
   * `maxBytes` or when a workbook unzips to more than its cap. Stopping the iteration early
   * releases everything the reader holds (temporary files, the source stream).
   */
  read(source: ByteSource, options: TabularReadOptions): AsyncIterable<TabularBatch>;
}
