import type { ByteSource, TabularBatch, TabularFileReader, TabularReadOptions } from "../../core/ports/tabular-file-reader.ts";
import { iterateBytes, limitBytes } from "./byte-source.ts";
import { readCsv } from "./csv-file-reader.ts";
import { readJson } from "./json-file-reader.ts";
import { defaultXlsxLimits, readXlsx, type XlsxLimits } from "./xlsx-file-reader.ts";

/**
 * The {@link TabularFileReader}: CSV (csv-parse), XLSX (exceljs streaming reader behind a
 * zip-bomb check), JSON and GeoJSON (@streamparser/json). Every format reads through one
 * byte counter that stops the upload at `maxBytes`.
 */
export class StreamingTabularFileReader implements TabularFileReader {
  private readonly xlsxLimits: XlsxLimits;
  constructor(options: { xlsx?: Partial<XlsxLimits> } = {}) {
    this.xlsxLimits = { ...defaultXlsxLimits, ...options.xlsx };
  }

  read(source: ByteSource, options: TabularReadOptions): AsyncIterable<TabularBatch> {
    const batchSize = Math.max(1, options.batchSize ?? 1000);
    const bytes = limitBytes(iterateBytes(source), options.maxBytes);
    switch (options.format) {
      case "csv":
        return readCsv(bytes, { batchSize, delimiter: options.delimiter });
      case "xlsx":
        return readXlsx(bytes, { batchSize, limits: this.xlsxLimits });
      case "json":
      case "geojson":
        return readJson(bytes, { batchSize, format: options.format });
    }
  }
}
