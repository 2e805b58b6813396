import { safeFileName } from "../storage/object-key.ts";
import { PayloadTooLarge, UnsupportedMediaType } from "../errors.ts";

/** Default upper bound of one attachment (RECORD_ATTACHMENT_MAX_BYTES overrides it). */
export const DEFAULT_ATTACHMENT_MAX_BYTES = 25 * 1024 * 1024;

/**
 * Accepted types, by extension. Office documents, PDFs, images, text and archives are what
 * records collect (contracts, photos, spreadsheets); executables and HTML/SVG (scriptable
 * when opened from a download URL) are refused.
 */
const TYPES_BY_EXTENSION: Record<string, string> = {
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
  webp: "image/webp",
  heic: "image/heic",
  tif: "image/tiff",
  tiff: "image/tiff",
  bmp: "image/bmp",
  pdf: "application/pdf",
  doc: "application/msword",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xls: "application/vnd.ms-excel",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ppt: "application/vnd.ms-powerpoint",
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  odt: "application/vnd.oasis.opendocument.text",
  ods: "application/vnd.oasis.opendocument.spreadsheet",
  odp: "application/vnd.oasis.opendocument.presentation",
  rtf: "application/rtf",
  csv: "text/csv",
  tsv: "text/tab-separated-values",
  txt: "text/plain",
  md: "text/markdown",
  json: "application/json",
  geojson: "application/geo+json",
  kml: "application/vnd.google-earth.kml+xml",
  kmz: "application/vnd.google-earth.kmz",
  zip: "application/zip",
};

const ALLOWED_TYPES = new Set([...Object.values(TYPES_BY_EXTENSION), "application/x-zip-compressed"]);

/** Declared types that say nothing: the extension decides. */
const GENERIC_TYPES = new Set(["", "application/octet-stream", "binary/octet-stream"]);


/**
 * The attachment's content type, checked: 413 above `maxBytes`, 415 unless the declared type
 * (or, when it is generic, the extension) is on the allow-list. The stored object keeps that
 * type, so a download is served as what was accepted (`page.html` sent as text/plain stays text).
 */
export function checkAttachment(file: { name: string; type: string; size: number }, maxBytes: number): { contentType: string; fileName: string } {
  if (file.size > maxBytes) throw new PayloadTooLarge(`an attachment may be at most ${maxBytes} bytes`, { max_bytes: maxBytes });
  const fileName = safeFileName(file.name);
  const extension = fileName.includes(".") ? fileName.split(".").pop()!.toLowerCase() : "";
  const declared = file.type.split(";")[0]!.trim().toLowerCase();
  const contentType = GENERIC_TYPES.has(declared) ? (TYPES_BY_EXTENSION[extension] ?? "") : declared;
  if (!ALLOWED_TYPES.has(contentType)) {
    throw new UnsupportedMediaType(`files of type ${contentType || `.${extension || "?"}`} cannot be attached; accepted: images, PDF, office documents, CSV, text, JSON/GeoJSON, KML and zip`);
  }
  return { contentType, fileName };
}
