/**
 * Numbers as people type them in spreadsheets: `1234.5`, `1,234.5`, `1.234,5`, `1 234,5`,
 * `-12`, `(12.00)` (accounting negative). Percentages stay text: whether `12%` means 0.12 or
 * 12 would be a guess. Money adds a currency symbol or ISO code before or after the amount.
 */
export type DecimalSeparator = "." | ",";

const CURRENCY_SYMBOLS: Record<string, string> = { $: "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₩": "KRW", "₽": "RUB", "CHF": "CHF", "R$": "BRL", "A$": "AUD", "C$": "CAD" };
const SYMBOL_PATTERN = "US\\$|R\\$|A\\$|C\\$|[$€£¥₹₩₽]";
// A leading/trailing symbol or ISO 4217-looking code, around a signed amount.
const MONEY = new RegExp(`^(?:(-)\\s*)?(?:(${SYMBOL_PATTERN}|[A-Z]{3})\\s*)?(-?[\\d\\s.,'’]+|\\(\\s*[\\d\\s.,'’]+\\s*\\))\\s*(${SYMBOL_PATTERN}|[A-Z]{3})?$`);

// Spaces and apostrophes group thousands (1 234,5; 1'234.5) only in regular groups of three:
// "+1 555 123 4567" is a phone number, not 15551234567.
const SPACE_GROUPS = /^-?\d{1,3}(?:[\s'’\u00a0\u202f]\d{3})+(?:[.,]\d+)?$/;

function digitsAndSeparators(text: string, decimal: DecimalSeparator): number | null {
  if (/[\s'’\u00a0\u202f]/.test(text) && !SPACE_GROUPS.test(text)) return null;
  let s = text.replace(/[\s'’\u00a0\u202f]/g, "");
  let negative = false;
  if (s.startsWith("-")) {
    negative = true;
    s = s.slice(1);
  }
  const thousands = decimal === "." ? "," : ".";
  if (!/^\d/.test(s)) return null;
  const [intPart, fraction, extra] = s.split(decimal);
  if (extra !== undefined || intPart === undefined) return null;
  if (fraction !== undefined && !/^\d+$/.test(fraction)) return null;
  if (intPart.includes(thousands)) {
    // Grouping must be regular (1,234,567), otherwise "1,2" is not a number in this locale.
    if (!new RegExp(`^\\d{1,3}(?:\\${thousands}\\d{3})+$`).test(intPart)) return null;
  } else if (!/^\d+$/.test(intPart)) {
    return null;
  }
  // Leading zeros mark identifiers (zip codes, account numbers): keep them as text.
  if (/^0\d/.test(intPart)) return null;
  const value = Number(`${intPart.split(thousands).join("")}${fraction === undefined ? "" : `.${fraction}`}`);
  if (!Number.isFinite(value)) return null;
  return negative ? -value : value;
}

/** `"1,234.5"` -> 1234.5 with `.` as decimal separator, or null when it is not a plain number. */
export function parseNumber(text: string, decimal: DecimalSeparator = "."): number | null {
  const s = text.trim();
  if (s === "" || s.length > 40) return null;
  if (/^[+-]?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/.test(s) && !/^[+-]?0\d/.test(s)) return Number(s);
  return digitsAndSeparators(s.replace(/^\+/, ""), decimal);
}

export type Money = { amount: number; currency: string | null };

/** `"$1,234.50"`, `"1.234,50 €"`, `"EUR 12"`, `"(5.00)"` -> amount and currency code (null when none is written). */
export function parseMoney(text: string, decimal: DecimalSeparator = "."): Money | null {
  const s = text.trim();
  if (s === "" || s.length > 40) return null;
  const m = MONEY.exec(s);
  if (!m) return null;
  const [, outerMinus, before, body, after] = m;
  if (before && after) return null;
  const code = before ?? after ?? null;
  let amountText = body!.trim();
  let negative = Boolean(outerMinus);
  if (amountText.startsWith("(")) {
    negative = true;
    amountText = amountText.slice(1, -1).trim();
  }
  const amount = parseNumber(amountText, decimal);
  if (amount === null) return null;
  const currency = code ? (CURRENCY_SYMBOLS[code] ?? (/^[A-Z]{3}$/.test(code) ? code : null)) : null;
  return { amount: negative ? -Math.abs(amount) : amount, currency };
}
