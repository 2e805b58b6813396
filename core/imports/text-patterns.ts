/**
 * Recognisers for the short typed values of spreadsheet cells: booleans, emails, URLs and
 * phone numbers. They are deliberately conservative: a value that is only maybe an email
 * stays text, because a wrongly typed column rejects good rows on import.
 */
const TRUE = new Set(["true", "yes", "y", "t", "on", "1", "oui", "ja", "si", "sí"]);
const FALSE = new Set(["false", "no", "n", "f", "off", "0", "non", "nein"]);
// 1/0 columns are usually counts or flags nobody can tell apart: inference ignores them.
const NUMERIC_BOOLEANS = new Set(["1", "0"]);

/** `"Yes"` -> true, `"off"` -> false, anything else null. */
export function parseBoolean(text: string): boolean | null {
  const s = text.trim().toLowerCase();
  if (TRUE.has(s)) return true;
  if (FALSE.has(s)) return false;
  return null;
}

/** Whether a value counts as evidence of a boolean column (not `1`/`0`, see above). */
export function isBooleanWord(text: string): boolean {
  return parseBoolean(text) !== null && !NUMERIC_BOOLEANS.has(text.trim());
}

const EMAIL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.[A-Za-z]{2,}$/;

export function isEmail(text: string): boolean {
  const s = text.trim();
  return s.length <= 254 && EMAIL.test(s);
}

const BARE_DOMAIN = /^(?:www\.)?[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\.[a-z]{2,}(?:[/?#]\S*)?$/i;

/**
 * An http(s) URL, with `https://` added to `www.example.com` and `example.com/path`
 * (how people write links in sheets); null when it is not one.
 */
export function normaliseUrl(text: string, options: { allowBareDomain?: boolean } = {}): string | null {
  const s = text.trim();
  if (/\s/.test(s) || s.length > 2048) return null;
  if (/^https?:\/\//i.test(s)) {
    try {
      const url = new URL(s);
      return url.hostname.includes(".") || url.hostname === "localhost" ? s : null;
    } catch {
      return null;
    }
  }
  const bare = options.allowBareDomain ?? true;
  if ((bare || /^www\./i.test(s)) && BARE_DOMAIN.test(s) && !isEmail(s)) return `https://${s}`;
  return null;
}

const PHONE = /^\+?[\d\s().\-/]{6,24}(?:\s*(?:x|ext\.?)\s*\d{1,6})?$/i;

/**
 * A phone number: 7 to 15 digits (E.164 allows 15) with the usual separators. With
 * `formattedOnly`, bare digit runs do not count (they are more likely numbers or ids).
 */
export function isPhone(text: string, options: { formattedOnly?: boolean } = {}): boolean {
  const s = text.trim();
  if (!PHONE.test(s)) return false;
  const digits = s.replace(/(?:x|ext\.?)\s*\d+$/i, "").replace(/\D/g, "").length;
  if (digits < 7 || digits > 15) return false;
  if (options.formattedOnly && !/[+()\s.\-]/.test(s.trim())) return false;
  // Balanced parentheses only: "(555) 123" yes, "555) 123" no.
  return (s.match(/\(/g)?.length ?? 0) === (s.match(/\)/g)?.length ?? 0);
}
