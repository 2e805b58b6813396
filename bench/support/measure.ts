/** Percentile of sorted samples (nearest-rank). */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

/** Runs `fn` `count` times and returns latency stats in milliseconds. */
export async function latencies(count: number, fn: (i: number) => Promise<unknown>): Promise<{ p50: number; p95: number; mean: number }> {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    await fn(i);
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), mean: samples.reduce((a, b) => a + b, 0) / samples.length };
}

/** Items per second of `fn`, which processes `items` items. */
export async function throughput(items: number, fn: () => Promise<unknown>): Promise<{ perSecond: number; ms: number }> {
  const started = performance.now();
  await fn();
  const ms = performance.now() - started;
  return { perSecond: (items / ms) * 1000, ms };
}

/** Samples the process's resident set size until stopped; returns the peak in MB. */
export function peakRss(everyMs = 20): { stop(): number } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.round((Math.max(peak, process.memoryUsage().rss) / 1024 / 1024) * 10) / 10;
    },
  };
}

export type BenchRow = { metric: string; subject: string; baseline: string; ratio: string };

/** Prints rows as an aligned table: each figure beside its baseline from the same run. */
export function printTable(title: string, rows: BenchRow[]): void {
  const header: BenchRow = { metric: "metric", subject: "this code", baseline: "baseline (same run)", ratio: "ratio" };
  const all = [header, ...rows];
  const width = (key: keyof BenchRow) => Math.max(...all.map((r) => r[key].length));
  console.log(`\n== ${title}`);
  for (const row of all) {
    console.log(
      `${row.metric.padEnd(width("metric"))}  ${row.subject.padStart(width("subject"))}  ${row.baseline.padStart(width("baseline"))}  ${row.ratio.padStart(width("ratio"))}`,
    );
  }
}

export const fmt = (n: number, digits = 1): string => n.toLocaleString("en-US", { maximumFractionDigits: digits });
