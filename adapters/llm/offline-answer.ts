/*
 * The offline provider's "reasoning": an extractive, deterministic reading of the prompt.
 * JSON found in the prompt is described (fields, values, counts, numeric ranges, frequent
 * values); plain text is summarised by its highest-scoring sentences (word frequency) and key
 * terms. No randomness, clock or network: the same input always gives the same answer, and a
 * different input gives a different one.
 */

/** What the offline provider found in a prompt. */
export type OfflineReading = {
  /** `json`: the prompt held JSON data, described field by field; `text`: extractive summary. */
  kind: "json" | "text";
  summary: string;
  keyPoints: string[];
  keyTerms: string[];
};

const STOPWORDS = new Set(
  (
    "a an and are as at be been but by can could did do does for from had has have he her his how i if in into is it its " +
    "me my no not of on or our please she should so than that the their them then there these they this those to us was " +
    "we were what when where which who why will with would you your about also any all just more most some such only own " +
    "same too very summarise summarize summary describe explain tell give write list following below above data json text"
  ).split(" "),
);

const MAX_POINTS = 8;
const MAX_VALUE_CHARS = 60;

/** Reads the prompt (the last user message, with earlier messages as context). */
export function readPrompt(prompt: string, context = ""): OfflineReading {
  const values = findJsonValues(prompt);
  if (values.length > 0) return describeJson(values, prompt);
  return summariseText(prompt, context);
}

// ---------------------------------------------------------------- JSON

/** Every top-level JSON object or array embedded in `text`, in order (at most 5). */
export function findJsonValues(text: string): unknown[] {
  const found: unknown[] = [];
  let i = 0;
  while (i < text.length && found.length < 5) {
    const ch = text[i];
    if (ch === "{" || ch === "[") {
      const end = matchingBracket(text, i);
      if (end > i) {
        try {
          const value: unknown = JSON.parse(text.slice(i, end + 1));
          if (value !== null && typeof value === "object") {
            found.push(value);
            i = end + 1;
            continue;
          }
        } catch {
          // Not JSON (e.g. "[see below]"): keep scanning inside it.
        }
      }
    }
    i++;
  }
  return found;
}

/** Index of the bracket closing the one at `start`, skipping brackets inside strings; -1 if none. */
function matchingBracket(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === "\\") i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === "{" || ch === "[") depth++;
    else if (ch === "}" || ch === "]") {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

function describeJson(values: unknown[], prompt: string): OfflineReading {
  const keyPoints: string[] = [];
  const summaries: string[] = [];
  for (const value of values) {
    if (Array.isArray(value)) {
      const { summary, points } = describeArray(value);
      summaries.push(summary);
      keyPoints.push(...points);
    } else {
      const entries = Object.entries(value as Record<string, unknown>);
      summaries.push(
        entries.length === 0 ? "An empty object." : `An object with ${plural(entries.length, "field")}: ${entries.map(([k]) => k).slice(0, 12).join(", ")}${entries.length > 12 ? ", ..." : ""}.`,
      );
      keyPoints.push(...entries.map(([k, v]) => `${k}: ${describeValue(v)}`));
    }
  }
  const question = questionOf(prompt);
  return {
    kind: "json",
    summary: (question ? `Asked: ${question} ` : "") + summaries.join(" "),
    keyPoints: keyPoints.slice(0, MAX_POINTS),
    keyTerms: keyTermsOf(values.flatMap((v) => Object.keys(flattenKeys(v))).join(" ")),
  };
}

function describeArray(items: unknown[]): { summary: string; points: string[] } {
  if (items.length === 0) return { summary: "An empty list.", points: [] };
  const objects = items.filter((v): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v));
  if (objects.length === 0) {
    const points = [describeColumn("values", items)].filter((p): p is string => p !== null);
    return { summary: `A list of ${plural(items.length, "value")}.`, points };
  }
  // Field order: first appearance across the items; columns described in that order.
  const fields: string[] = [];
  for (const o of objects) for (const k of Object.keys(o)) if (!fields.includes(k)) fields.push(k);
  const points: string[] = [];
  for (const field of fields) {
    const column = objects.map((o) => o[field]).filter((v) => v !== undefined && v !== null);
    const described = describeColumn(field, column, objects.length);
    if (described) points.push(described);
  }
  return {
    summary: `A list of ${plural(items.length, "item")} with ${plural(fields.length, "field")}: ${fields.slice(0, 12).join(", ")}${fields.length > 12 ? ", ..." : ""}.`,
    points,
  };
}

/** One line about a column of values: numeric range and total, or the most frequent values. */
function describeColumn(field: string, values: unknown[], of = values.length): string | null {
  if (values.length === 0) return `${field}: always empty`;
  const presence = values.length < of ? ` (in ${values.length} of ${of})` : "";
  const numbers = values.filter((v): v is number => typeof v === "number" && Number.isFinite(v));
  if (numbers.length === values.length) {
    const total = numbers.reduce((a, b) => a + b, 0);
    return `${field}: ${formatNumber(Math.min(...numbers))} to ${formatNumber(Math.max(...numbers))}, total ${formatNumber(total)}, average ${formatNumber(total / numbers.length)}${presence}`;
  }
  const counts = new Map<string, number>();
  for (const v of values) {
    const key = describeValue(v);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const top = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 3);
  const distinct = counts.size === values.length && values.length > 3 ? `${values.length} distinct values, e.g. ` : "";
  return `${field}: ${distinct}${top.map(([v, n]) => (n > 1 ? `${v} (${n})` : v)).join(", ")}${presence}`;
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return "empty";
  if (typeof value === "string") return JSON.stringify(value.length > MAX_VALUE_CHARS ? `${value.slice(0, MAX_VALUE_CHARS)}...` : value);
  if (typeof value === "number") return formatNumber(value);
  if (typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return plural(value.length, "item");
  const keys = Object.keys(value as object);
  return `{${keys.slice(0, 5).join(", ")}${keys.length > 5 ? ", ..." : ""}}`;
}

function flattenKeys(value: unknown, out: Record<string, true> = {}): Record<string, true> {
  if (Array.isArray(value)) value.slice(0, 50).forEach((v) => flattenKeys(v, out));
  else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      out[k] = true;
      flattenKeys(v, out);
    }
  }
  return out;
}

// ---------------------------------------------------------------- text

function summariseText(prompt: string, context: string): OfflineReading {
  const question = questionOf(prompt);
  // A question over earlier context (a document pasted before) is answered from that context.
  const source = question && context.trim() ? `${context}\n${prompt}` : prompt;
  const sentences = splitSentences(source);
  const frequency = termFrequency(source);
  const focus = new Set(question ? words(question) : []);
  const scored = sentences.map((sentence, index) => {
    const ws = words(sentence);
    const weight = ws.reduce((sum, w) => sum + (frequency.get(w) ?? 0) + (focus.has(w) ? 3 : 0), 0);
    return { sentence, index, score: ws.length ? weight / Math.sqrt(ws.length) : 0 };
  });
  const take = sentences.length <= 3 ? sentences.length : Math.min(3, Math.ceil(sentences.length / 3));
  const chosen = [...scored]
    .filter((s) => s.sentence !== question)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, take)
    .sort((a, b) => a.index - b.index)
    .map((s) => s.sentence);
  // A bare question with nothing to read: say so rather than echo it back.
  const summary = chosen.length ? chosen.join(" ") : question ? `No material was given to answer "${question}" from.` : sentences.join(" ");
  return {
    kind: "text",
    summary: (question && chosen.length ? `On "${question}": ` : "") + summary,
    keyPoints: chosen,
    keyTerms: keyTermsOf(source),
  };
}

function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.replace(/\s+/g, " ").trim())
    .filter((s) => /[\p{L}\p{N}]/u.test(s));
}

function words(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}'_-]*/gu) ?? []).filter((w) => w.length > 1 && !STOPWORDS.has(w));
}

function termFrequency(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const w of words(text)) counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts;
}

function keyTermsOf(text: string): string[] {
  return [...termFrequency(text.replace(/([a-z])([A-Z])/g, "$1 $2").replace(/_/g, " ")).entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, 5)
    .map(([w]) => w);
}

/** The last question asked in the prompt, if any. */
function questionOf(prompt: string): string | null {
  const outside = prompt.replace(/```[\s\S]*?```/g, " ");
  const questions = splitSentences(outside).filter((s) => s.endsWith("?") && !s.includes("{") && !s.includes("["));
  return questions.at(-1) ?? null;
}

function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100);
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
