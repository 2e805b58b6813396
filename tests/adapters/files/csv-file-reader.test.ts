import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { Invalid, PayloadTooLarge } from "../../../core/errors.ts";
import { chunked, readAll, utf8 } from "./read-helpers.ts";

const csv = (text: string, options: { delimiter?: string; batchSize?: number; maxBytes?: number } = {}) => readAll(utf8(text), { format: "csv", ...options });

describe("CSV reader", () => {
  it("reads headers and rows, empty cells as null, with spreadsheet row numbers", async () => {
    const r = await csv('name,city,amount\nAda,London,12.5\n"Smith, J","New\nYork",\n');
    expect(r.file).toMatchObject({ format: "csv", encoding: "utf-8", delimiter: ",", headers: ["name", "city", "amount"], renamedHeaders: [] });
    expect(r.rows).toEqual([
      { rowNumber: 2, values: { name: "Ada", city: "London", amount: "12.5" } },
      { rowNumber: 3, values: { name: "Smith, J", city: "New\nYork", amount: null } },
    ]);
    expect(r.rejected).toEqual([]);
  });

  it("strips a UTF-8 BOM and keeps multi-byte characters cut across chunks", async () => {
    const r = await csv("\uFEFFnom;ville\nZoë;Köln\n名前;東京\n");
    expect(r.file.headers).toEqual(["nom", "ville"]);
    expect(r.file.delimiter).toBe(";");
    expect(r.rows.map((x) => x.values)).toEqual([
      { nom: "Zoë", ville: "Köln" },
      { nom: "名前", ville: "東京" },
    ]);
  });

  it("decodes a Windows-1252 (Latin-1) file, including the 0x80-0x9F range", async () => {
    // "café;prix\nCrème brûlée;5€\n" in Windows-1252
    const bytes = new Uint8Array([...utf8("caf"), 0xe9, ...utf8(";prix\nCr"), 0xe8, ...utf8("me br"), 0xfb, ...utf8("l"), 0xe9, 0x65, ...utf8(";5"), 0x80, 0x0a]);
    const r = await readAll(bytes, { format: "csv" });
    expect(r.file.encoding).toBe("windows-1252");
    expect(r.file.headers).toEqual(["café", "prix"]);
    expect(r.rows[0]!.values).toEqual({ café: "Crème brûlée", prix: "5€" });
  });

  it("detects tab and pipe delimiters, and honours a given one", async () => {
    expect((await csv("a\tb\n1\t2\n")).file.delimiter).toBe("\t");
    expect((await csv("a|b|c\n1|2|3\n4|5|6\n")).rows[1]!.values).toEqual({ a: "4", b: "5", c: "6" });
    const given = await csv("a;b\n1;2\n", { delimiter: "," });
    expect(given.file.headers).toEqual(["a;b"]);
  });

  it("rejects ragged rows with their row number and goes on", async () => {
    const r = await csv("a,b,c\n1,2,3\n4,5\n6,7,8,9\n10,11,12,,\n13,14,15\n");
    expect(r.rows.map((x) => x.rowNumber)).toEqual([2, 5, 6]);
    expect(r.rows[1]!.values).toEqual({ a: "10", b: "11", c: "12" });
    expect(r.rejected).toEqual([
      { rowNumber: 3, reason: "expected 3 fields, found 2" },
      { rowNumber: 4, reason: "expected 3 fields, found 4" },
    ]);
  });

  it("keeps stray quotes inside fields and reports an unclosed quote as a rejected row", async () => {
    const r = await csv('a,b\n1,2"x\n3,"4\n5,6\n');
    expect(r.rows).toEqual([{ rowNumber: 2, values: { a: "1", b: '2"x' } }]);
    expect(r.rejected).toHaveLength(1);
    expect(r.rejected[0]).toMatchObject({ rowNumber: 3 });
    expect(r.rejected[0]!.reason).toMatch(/quote .* never closed/);
  });

  it("renames blank and duplicate headers and reports it", async () => {
    const r = await csv("name,,name, ,name_2\n1,2,3,4,5\n");
    expect(r.file.headers).toEqual(["name", "column_2", "name_3", "column_4", "name_2"]);
    expect(r.file.renamedHeaders).toEqual([
      { position: 2, original: "", renamedTo: "column_2", reason: "blank" },
      { position: 3, original: "name", renamedTo: "name_3", reason: "duplicate" },
      { position: 4, original: "", renamedTo: "column_4", reason: "blank" },
    ]);
    expect(r.rows[0]!.values).toEqual({ name: "1", column_2: "2", name_3: "3", column_4: "4", name_2: "5" });
  });

  it("refuses an empty file, and one with only blank lines, with a clear error", async () => {
    await expect(csv("")).rejects.toThrow(new Invalid("the file is empty"));
    await expect(csv("\n\r\n  \n")).rejects.toBeInstanceOf(Invalid);
    await expect(csv("\uFEFF")).rejects.toBeInstanceOf(Invalid);
  });

  it("reads a header-only file as zero rows", async () => {
    const r = await csv("a,b\n");
    expect(r.file.headers).toEqual(["a", "b"]);
    expect(r.rows).toEqual([]);
  });

  it("stops at the size limit with PayloadTooLarge", async () => {
    const big = `a,b\n${"1,2\n".repeat(1000)}`;
    await expect(csv(big, { maxBytes: 1000 })).rejects.toBeInstanceOf(PayloadTooLarge);
    await expect(csv(big, { maxBytes: 10_000 })).resolves.toMatchObject({ rows: expect.any(Array) });
  });

  it("streams in batches and reads a Node stream", async () => {
    const text = `id,v\n${Array.from({ length: 2500 }, (_, i) => `${i},x`).join("\n")}\n`;
    const r = await readAll(Readable.from([Buffer.from(text)]), { format: "csv", batchSize: 1000 });
    expect(r.rows).toHaveLength(2500);
    expect(r.batches).toBe(3);
    expect(r.rows[2499]).toEqual({ rowNumber: 2501, values: { id: "2499", v: "x" } });
  });

  it("cancels the source when the reader is stopped early", async () => {
    let cancelled = false;
    const source = chunked(utf8(`a\n${"1\n".repeat(50_000)}`), 1024);
    const reader = source.getReader();
    const wrapped = new ReadableStream<Uint8Array>({
      async pull(c) {
        const next = await reader.read();
        if (next.done) c.close();
        else c.enqueue(next.value);
      },
      cancel() {
        cancelled = true;
      },
    });
    const { StreamingTabularFileReader } = await import("../../../adapters/files/streaming-tabular-file-reader.ts");
    for await (const batch of new StreamingTabularFileReader().read(wrapped, { format: "csv", batchSize: 10 })) {
      expect(batch.rows).toHaveLength(10);
      break;
    }
    expect(cancelled).toBe(true);
  });
});
