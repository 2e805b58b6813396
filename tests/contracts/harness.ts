import { randomUUID } from "node:crypto";

/** What a contract suite needs from an adapter under test. */
export type ContractHarness<T> = {
  subject: T;
  /**
   * Lets `ms` of time pass for the subject: advances an injected clock for the
   * in-process twins, really sleeps for Redis. Suites use generous margins.
   */
  elapse(ms: number): Promise<void>;
  close(): Promise<void>;
};

/** A fake clock for the in-process twins. */
export function manualClock(start = Date.now()): { now: () => number; elapse: (ms: number) => Promise<void> } {
  let time = start;
  return {
    now: () => time,
    elapse: async (ms) => {
      time += ms;
    },
  };
}

/** Real time passing (for adapters whose clock lives elsewhere, e.g. Redis). */
export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A key unique to this test run, so parallel runs against one Redis never collide. */
export const uniqueKey = (label: string): string => `${label}:${randomUUID()}`;

/** Polls until `check` returns true, failing after `timeoutMs`. */
export async function waitFor(check: () => boolean, timeoutMs = 5000, what = "condition"): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}
