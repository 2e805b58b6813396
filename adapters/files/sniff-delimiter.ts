const CANDIDATES = [",", ";", "\t", "|"] as const;

/**
 * Guesses a CSV's delimiter from its first lines: the candidate that appears the same number
 * of times on the most lines (quoted text ignored). European Excel writes `;`, exports from
 * databases often use tabs or pipes. A file with none of them is one column: `,`.
 */
export function sniffDelimiter(sample: string): string {
  const lines = sample
    .replace(/"(?:[^"]|"")*"/g, "")
    .split(/\r?\n/)
    .filter((l) => l.trim() !== "")
    .slice(0, 20);
  // The last line of a sample may be cut short.
  if (lines.length > 2) lines.pop();
  let best: { delimiter: string; score: number } = { delimiter: ",", score: 0 };
  for (const delimiter of CANDIDATES) {
    const counts = lines.map((l) => l.split(delimiter).length - 1);
    const tally = new Map<number, number>();
    for (const c of counts) if (c > 0) tally.set(c, (tally.get(c) ?? 0) + 1);
    let mode = 0;
    let modeLines = 0;
    for (const [count, n] of tally) if (n > modeLines || (n === modeLines && count > mode)) [mode, modeLines] = [count, n];
    // Consistency first (share of lines with the same count), then more columns.
    const score = lines.length ? modeLines / lines.length + mode / 1000 : 0;
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}
