import { describe, expect, it } from "vitest";
import { checkAttachment } from "../../../core/records/record-attachment-files.ts";
import { safeFileName } from "../../../core/storage/object-key.ts";

describe("record attachment files", () => {
  it("makes file names safe as a storage key segment", () => {
    expect(safeFileName("../../etc/passwd")).toBe("passwd");
    expect(safeFileName("C:\\Users\\me\\Q1 report (final).xlsx")).toBe("Q1_report_final.xlsx");
    expect(safeFileName("...")).toBe("file");
    expect(safeFileName("Café.pdf")).toBe("Cafe.pdf");
  });

  it("accepts allow-listed types, typing generic uploads by extension", () => {
    expect(checkAttachment({ name: "a.pdf", type: "application/pdf", size: 10 }, 100)).toEqual({ contentType: "application/pdf", fileName: "a.pdf" });
    expect(checkAttachment({ name: "sheet.xlsx", type: "", size: 10 }, 100).contentType).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(checkAttachment({ name: "notes.txt", type: "text/plain; charset=utf-8", size: 10 }, 100).contentType).toBe("text/plain");
  });

  it("refuses oversize files (413) and other types (415)", () => {
    expect(() => checkAttachment({ name: "a.pdf", type: "application/pdf", size: 101 }, 100)).toThrow(expect.objectContaining({ code: "payload_too_large" }));
    expect(() => checkAttachment({ name: "a.html", type: "text/html", size: 1 }, 100)).toThrow(expect.objectContaining({ code: "unsupported_media_type" }));
    expect(() => checkAttachment({ name: "a.exe", type: "application/octet-stream", size: 1 }, 100)).toThrow(expect.objectContaining({ code: "unsupported_media_type" }));
  });
});
