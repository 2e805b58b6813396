import type { HeaderRename } from "../ports/tabular-file-reader.ts";

/**
 * Makes every header usable as a key: trims it, names blank ones `column_<position>` and
 * suffixes repeats (`name`, `name_2`, `name_3`), never producing a name already in the row.
 * Each change is reported so the user sees why a column has a name they did not write.
 *
 * @example
 * normalizeHeaders(["name", "", "name"]).headers // ["name", "column_2", "name_2"]
 */
export function normalizeHeaders(raw: ReadonlyArray<string | null | undefined>): { headers: string[]; renamed: HeaderRename[] } {
  const trimmed = raw.map((h) => (h ?? "").replace(/^\uFEFF/, "").trim());
  const taken = new Set(trimmed.filter(Boolean));
  const used = new Set<string>();
  const renamed: HeaderRename[] = [];
  const headers = trimmed.map((name, index) => {
    const position = index + 1;
    if (name && !used.has(name)) {
      used.add(name);
      return name;
    }
    const reason = name ? "duplicate" : "blank";
    const base = name || "column";
    let n = name ? 2 : position;
    let candidate = `${base}_${n}`;
    while (used.has(candidate) || taken.has(candidate)) candidate = `${base}_${++n}`;
    used.add(candidate);
    renamed.push({ position, original: name, renamedTo: candidate, reason });
    return candidate;
  });
  return { headers, renamed };
}
