/**
 * Text Postgres cannot store: a NUL character (text and jsonb refuse it) or an unpaired
 * UTF-16 surrogate (not valid Unicode; jsonb refuses its `\ud800` escape). Both arrive
 * easily (a binary byte in a spreadsheet cell, a mangled JSON client) and, unchecked, turn
 * into database errors: a 500 for a request, and for a COPY a stalled import.
 */
export function isStorableText(text: string): boolean {
  return !text.includes("\u0000") && !LONE_SURROGATE.test(text);
}

/** With the `u` flag a paired surrogate is one code point, so only a lone one is `Cs`. */
const LONE_SURROGATE = /\p{Cs}/u;

/** Why {@link unstorablePath} refuses a value, for error messages. */
export const UNSTORABLE_TEXT = "contains a character that cannot be stored (a NUL, or an unpaired UTF-16 surrogate)";

/**
 * The path (`name`, `items.2.title`, or `` for the value itself) of the first string in
 * `value`, or in its keys, that {@link isStorableText} refuses; null when all are fine.
 *
 * @example
 * unstorablePath({ items: [{ title: "a\u0000b" }] }) // "items.0.title"
 */
export function unstorablePath(value: unknown, path = ""): string | null {
  if (typeof value === "string") return isStorableText(value) ? null : path;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = unstorablePath(value[i], path ? `${path}.${i}` : String(i));
      if (found !== null) return found;
    }
    return null;
  }
  if (typeof value === "object" && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      const at = path ? `${path}.${key}` : key;
      if (!isStorableText(key)) return at;
      const found = unstorablePath(item, at);
      if (found !== null) return found;
    }
  }
  return null;
}
