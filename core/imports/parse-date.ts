/**
 * Dates in the formats spreadsheets and exports use. Slash dates are ambiguous (3/4/2024):
 * a column decides between month-first and day-first from values whose first or second
 * part exceeds 12, and falls back to month-first (US) when nothing decides.
 */
export const dateFormats = ["iso", "iso_datetime", "ymd_slash", "mdy", "dmy", "dmy_dot", "d_mon_y", "mon_d_y"] as const;
export type DateFormat = (typeof dateFormats)[number];

/** A date as records store it: `YYYY-MM-DD`, or a full UTC ISO timestamp when a time is given. */
export type ParsedDate = { value: string; format: DateFormat };

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const TIME = String.raw`(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?\s*(am|pm)?)?`;
const ISO_DATETIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const YMD_SLASH = new RegExp(String.raw`^(\d{4})/(\d{1,2})/(\d{1,2})${TIME}$`, "i");
const SLASH = new RegExp(String.raw`^(\d{1,2})/(\d{1,2})/(\d{4})${TIME}$`, "i");
const DOT = new RegExp(String.raw`^(\d{1,2})\.(\d{1,2})\.(\d{4})${TIME}$`, "i");
const D_MON_Y = /^(\d{1,2})[\s-]([a-z]{3,9})\.?[\s-](\d{4})$/i;
const MON_D_Y = /^([a-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})$/i;

const pad = (n: number, width = 2): string => String(n).padStart(width, "0");

function monthOf(name: string): number | null {
  const i = MONTHS.indexOf(name.slice(0, 3).toLowerCase());
  // "Sept" and full names are fine; "Marchx" is not.
  if (i < 0) return null;
  const full = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"][i]!;
  const lower = name.toLowerCase();
  return lower.length === 3 || full.startsWith(lower) || lower === "sept" ? i + 1 : null;
}

function day(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1000 || y > 9999) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 ? `${y}-${pad(m)}-${pad(d)}` : null;
}

function withTime(date: string | null, parts: ReadonlyArray<string | undefined>): string | null {
  const [h, min, s, frac, meridiem] = parts;
  if (date === null || h === undefined) return date;
  let hour = Number(h);
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem.toLowerCase() === "pm" ? 12 : 0);
  }
  if (hour > 23 || Number(min) > 59 || Number(s ?? 0) > 59) return null;
  const ms = frac ? Math.round(Number(`0.${frac}`) * 1000) : 0;
  return `${date}T${pad(hour)}:${min}:${pad(Number(s ?? 0))}.${pad(ms, 3)}Z`;
}

/**
 * Parses `text` as a date. With `format`, only that format is tried (what an import does once
 * a column's format is known); without it, every format, slash dates month-first.
 */
export function parseDate(text: string, format?: DateFormat): ParsedDate | null {
  const s = text.trim();
  if (s.length < 8 || s.length > 40) return null;
  const tries: DateFormat[] = format ? [format] : ["iso", "iso_datetime", "ymd_slash", "mdy", "dmy_dot", "d_mon_y", "mon_d_y"];
  for (const f of tries) {
    const value = parseAs(s, f);
    if (value !== null) return { value, format: f };
  }
  return null;
}

function parseAs(s: string, format: DateFormat): string | null {
  let m: RegExpExecArray | null;
  switch (format) {
    case "iso":
      m = ISO.exec(s);
      return m ? day(Number(m[1]), Number(m[2]), Number(m[3])) : null;
    case "iso_datetime": {
      m = ISO_DATETIME.exec(s);
      if (!m) return null;
      if (day(Number(m[1]), Number(m[2]), Number(m[3])) === null || Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6] ?? 0) > 59) return null;
      // Without an offset the time is taken as UTC: a file carries no time zone to go by.
      const zone = m[7] ? (m[7].toUpperCase() === "Z" ? "Z" : m[7].replace(/^([+-]\d{2})(\d{2})$/, "$1:$2")) : "Z";
      const d = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? "00"}${zone}`);
      return Number.isNaN(d.getTime()) ? null : d.toISOString();
    }
    case "ymd_slash":
      m = YMD_SLASH.exec(s);
      return m ? withTime(day(Number(m[1]), Number(m[2]), Number(m[3])), m.slice(4)) : null;
    case "mdy":
      m = SLASH.exec(s);
      return m ? withTime(day(Number(m[3]), Number(m[1]), Number(m[2])), m.slice(4)) : null;
    case "dmy":
      m = SLASH.exec(s);
      return m ? withTime(day(Number(m[3]), Number(m[2]), Number(m[1])), m.slice(4)) : null;
    case "dmy_dot":
      m = DOT.exec(s);
      return m ? withTime(day(Number(m[3]), Number(m[2]), Number(m[1])), m.slice(4)) : null;
    case "d_mon_y": {
      m = D_MON_Y.exec(s);
      const month = m ? monthOf(m[2]!) : null;
      return m && month ? day(Number(m[3]), month, Number(m[1])) : null;
    }
    case "mon_d_y": {
      m = MON_D_Y.exec(s);
      const month = m ? monthOf(m[1]!) : null;
      return m && month ? day(Number(m[3]), month, Number(m[2])) : null;
    }
  }
}

/**
 * The format that reads the most of a column's values, deciding slash dates from the values
 * that only one reading accepts (13/01/2024 is day-first). Null when no format reads any,
 * or when the column mixes day-first and month-first values.
 */
export function detectDateFormat(values: readonly string[]): { format: DateFormat; matched: number } | null {
  const counts = new Map<DateFormat, number>();
  let dayFirstOnly = 0;
  let monthFirstOnly = 0;
  for (const v of values) {
    for (const f of dateFormats) {
      if (parseAs(v.trim(), f) !== null) counts.set(f, (counts.get(f) ?? 0) + 1);
    }
    const asMdy = parseAs(v.trim(), "mdy") !== null;
    const asDmy = parseAs(v.trim(), "dmy") !== null;
    if (asDmy && !asMdy) dayFirstOnly++;
    if (asMdy && !asDmy) monthFirstOnly++;
  }
  if (dayFirstOnly > 0 && monthFirstOnly > 0) {
    counts.delete("mdy");
    counts.delete("dmy");
  } else if (dayFirstOnly > 0) {
    counts.delete("mdy");
  } else {
    counts.delete("dmy");
  }
  let best: { format: DateFormat; matched: number } | null = null;
  for (const [format, matched] of counts) if (!best || matched > best.matched) best = { format, matched };
  return best;
}
