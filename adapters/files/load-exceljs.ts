import type ExcelJS from "exceljs";

let loaded: Promise<typeof ExcelJS> | undefined;

/**
 * exceljs, loaded on first use: it is ~15 MB of resident memory, and only xlsx imports and
 * exports need it, so a process that never touches a spreadsheet never pays for it.
 */
export function loadExcelJs(): Promise<typeof ExcelJS> {
  loaded ??= import("exceljs").then((m) => m.default);
  return loaded;
}
