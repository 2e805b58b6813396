const byExtension: Record<string, string> = {
  txt: "text/plain; charset=utf-8",
  csv: "text/csv; charset=utf-8",
  html: "text/html; charset=utf-8",
  json: "application/json",
  geojson: "application/geo+json",
  ndjson: "application/x-ndjson",
  pdf: "application/pdf",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
  webp: "image/webp",
  svg: "image/svg+xml",
  mp3: "audio/mpeg",
  wav: "audio/wav",
  webm: "video/webm",
  mp4: "video/mp4",
  zip: "application/zip",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
};

/** The fallback S3 also uses for objects stored without a content type. */
export const DEFAULT_CONTENT_TYPE = "application/octet-stream";

/** A content type guessed from the key's extension, for objects stored without one. */
export function contentTypeFromKey(key: string): string {
  const extension = /\.([a-z0-9]+)$/i.exec(key)?.[1]?.toLowerCase();
  return (extension && byExtension[extension]) || DEFAULT_CONTENT_TYPE;
}
