import ExcelJS from "exceljs";
import { zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { StreamingTabularFileReader } from "../../../adapters/files/streaming-tabular-file-reader.ts";
import { Invalid, PayloadTooLarge } from "../../../core/errors.ts";
import { readAll, utf8 } from "./read-helpers.ts";

/** A small workbook written with exceljs: the fixture is built in code, not shipped. */
async function workbook(build: (sheet: ExcelJS.Worksheet, book: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  build(book.addWorksheet("Sales"), book);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

const xlsx = (bytes: Uint8Array, reader?: StreamingTabularFileReader) => readAll(bytes, { format: "xlsx" }, reader);

describe("XLSX reader", () => {
  it("reads the first sheet: typed cells, dates as ISO, rich text and links as text", async () => {
    const bytes = await workbook((s, book) => {
      s.addRow(["name", "amount", "when", "paid", "note"]);
      s.addRow(["Ada", 12.5, new Date(Date.UTC(2024, 0, 15)), true, { richText: [{ text: "very " }, { text: "good" }] }]);
      s.addRow(["Bob", 3, new Date(Date.UTC(2024, 1, 1, 13, 30)), false, { text: "site", hyperlink: "https://example.com" }]);
      book.addWorksheet("Other").addRow(["ignored"]);
    });
    const r = await xlsx(bytes);
    expect(r.file).toMatchObject({ format: "xlsx", encoding: null, sheet: "Sales", headers: ["name", "amount", "when", "paid", "note"] });
    expect(r.rows).toEqual([
      { rowNumber: 2, values: { name: "Ada", amount: 12.5, when: "2024-01-15", paid: true, note: "very good" } },
      { rowNumber: 3, values: { name: "Bob", amount: 3, when: "2024-02-01T13:30:00.000Z", paid: false, note: "site" } },
    ]);
  });

  it("uses the cached result of formulas and never evaluates them", async () => {
    const bytes = await workbook((s) => {
      s.addRow(["a", "double", "broken", "uncached"]);
      // The cached result is deliberately not what the formula computes: it must be used as is.
      s.addRow([2, { formula: "A2*2", result: 5 }, { formula: "1/0", result: { error: "#DIV/0!" } }, { formula: "A2+1" }]);
    });
    const r = await xlsx(bytes);
    expect(r.rows[0]!.values).toEqual({ a: 2, double: 5, broken: null, uncached: null });
  });

  it("renames blank and duplicate headers, skips empty rows, rejects values beyond the headers", async () => {
    const bytes = await workbook((s) => {
      s.addRow(["id", null, "id"]);
      s.addRow([1, "x", 2]);
      s.addRow([]);
      s.addRow([3, "y", 4, "stray"]);
      s.addRow([5, null, 6]);
    });
    const r = await xlsx(bytes);
    expect(r.file.headers).toEqual(["id", "column_2", "id_2"]);
    expect(r.file.renamedHeaders.map((h) => h.reason)).toEqual(["blank", "duplicate"]);
    expect(r.rows).toEqual([
      { rowNumber: 2, values: { id: 1, column_2: "x", id_2: 2 } },
      { rowNumber: 5, values: { id: 5, column_2: null, id_2: 6 } },
    ]);
    expect(r.rejected).toEqual([{ rowNumber: 4, column: "D", reason: "a value in column D has no header" }]);
  });

  it("streams many rows in batches", async () => {
    const bytes = await workbook((s) => {
      s.addRow(["n", "label"]);
      for (let i = 0; i < 2500; i++) s.addRow([i, `row ${i}`]);
    });
    const r = await readAll(bytes, { format: "xlsx", batchSize: 1000 });
    expect(r.rows).toHaveLength(2500);
    expect(r.batches).toBe(3);
    expect(r.rows[2499]).toEqual({ rowNumber: 2501, values: { n: 2499, label: "row 2499" } });
  });

  it("refuses an empty sheet, an empty file, a non-zip and an old .xls with clear errors", async () => {
    await expect(xlsx(await workbook(() => undefined))).rejects.toThrow(/first worksheet \(Sales\) is empty/);
    await expect(xlsx(new Uint8Array())).rejects.toThrow(new Invalid("the file is empty"));
    await expect(xlsx(utf8("name,city\n"))).rejects.toThrow(/not an .xlsx workbook/);
    await expect(xlsx(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).rejects.toThrow(/Excel 97-2003/);
    await expect(xlsx(zipSync({ "hello.txt": utf8("hi") }))).rejects.toBeInstanceOf(Invalid);
  });

  it("aborts a zip bomb by its uncompressed size before parsing it", async () => {
    // 16 MB of zeros deflates to ~16 KB: the cap is hit while inflating, long before the end.
    const bomb = zipSync({ "xl/worksheets/sheet1.xml": new Uint8Array(16 * 1024 * 1024) }, { level: 9 });
    expect(bomb.byteLength).toBeLessThan(200_000);
    const reader = new StreamingTabularFileReader({ xlsx: { maxUncompressedBytes: 2 * 1024 * 1024 } });
    const error = await xlsx(bomb, reader).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PayloadTooLarge);
    expect((error as Error).message).toMatch(/unzips to more than 2 MB; it looks like a zip bomb/);
  });

  it("aborts a zip with too many entries", async () => {
    const files = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`f${i}.xml`, utf8("<x/>")]));
    const reader = new StreamingTabularFileReader({ xlsx: { maxEntries: 20 } });
    await expect(xlsx(zipSync(files), reader)).rejects.toThrow(/more than 20 zip entries/);
  });

  it("applies the byte limit to workbooks too", async () => {
    const bytes = await workbook((s) => s.addRow(["a"]));
    await expect(readAll(bytes, { format: "xlsx", maxBytes: 100 })).rejects.toBeInstanceOf(PayloadTooLarge);
  });
});
