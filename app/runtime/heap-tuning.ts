import { setFlagsFromString } from "node:v8";

/**
 * Sets how far V8 lets the old generation grow past the live heap before its next major
 * collection (`--heap-growing-percent`; 0 keeps V8's default, which on a small heap is up
 * to 4x). Imports, exports and streams keep batches alive for a few hundred milliseconds,
 * so their short-lived rows are promoted and pile up as old garbage: with the default, a
 * 1M-row import's process grows by ~250 MB of garbage over a ~50 MB live heap. At 50%
 * it stays within ~20 MB of rest for the same throughput (measured: `npm run bench --
 * import`). Called once at start by the Node entry points (server, job CLI, bench); the
 * flag is read at each collection, so setting it after start works.
 */
export function tuneHeapGrowth(percent: number): void {
  if (percent > 0) setFlagsFromString(`--heap-growing-percent=${Math.round(percent)}`);
}
