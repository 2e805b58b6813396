import { ServiceUnavailable } from "../errors.ts";

/** The instruction added to the system prompt when a request wants JSON. */
export const JSON_INSTRUCTION = "Answer with one JSON value (an object unless asked otherwise) and nothing else: no prose, no Markdown code fences.";

/**
 * The JSON inside a model's answer: models asked for JSON sometimes wrap it in a ```json fence
 * or a sentence; this keeps the outermost object or array. Throws ServiceUnavailable when
 * there is no parseable JSON, since the caller asked for JSON and cannot use anything else.
 *
 * @example
 * jsonAnswer('Here it is:\n```json\n{"a":1}\n```'); // '{"a":1}'
 */
export function jsonAnswer(text: string): string {
  const trimmed = text.trim();
  if (parses(trimmed)) return trimmed;
  const fenced = /```(?:json)?\s*([\s\S]*?)```/i.exec(trimmed)?.[1]?.trim();
  if (fenced && parses(fenced)) return fenced;
  for (const [open, close] of [["{", "}"], ["[", "]"]] as const) {
    const start = trimmed.indexOf(open);
    const end = trimmed.lastIndexOf(close);
    if (start >= 0 && end > start) {
      const candidate = trimmed.slice(start, end + 1);
      if (parses(candidate)) return candidate;
    }
  }
  throw new ServiceUnavailable("the AI model did not return valid JSON; try again");
}

function parses(text: string): boolean {
  if (!text.startsWith("{") && !text.startsWith("[")) return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
