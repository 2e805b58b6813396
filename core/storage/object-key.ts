import { Invalid } from "../errors.ts";

/**
 * Refuses object keys that could escape their root: absolute paths, `..` or `.`
 * segments, backslashes, NUL and other control characters, empty segments.
 */
export function assertSafeObjectKey(key: string): string {
  const bad = (reason: string): never => {
    throw new Invalid(`object key ${JSON.stringify(key)} is not allowed: ${reason}`, [{ field: "key", message: reason }]);
  };
  if (key.length === 0 || key.length > 1024) bad("length must be 1-1024");
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/.test(key)) bad("control characters and backslashes are refused");
  if (key.startsWith("/")) bad("must be relative");
  for (const segment of key.split("/")) {
    if (segment === "" || segment === "." || segment === "..") bad("empty, '.' and '..' segments are refused");
  }
  return key;
}

/**
 * A file name safe as the last segment of an object key and in a Content-Disposition: the
 * base name only, accents folded, anything but letters, digits, `.`, `-`, `_` and spaces
 * dropped, spaces as `_`, no leading dots, the last 120 characters (the extension survives).
 */
export function safeFileName(name: string, fallback = "file"): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const cleaned = base
    .normalize("NFKD")
    .replace(/[^\w.\- ]+/g, "")
    .replace(/\s+/g, "_")
    .replace(/^\.+/, "")
    .slice(-120);
  return cleaned || fallback;
}
