import type { Job, JobQueue } from "../ports/job-queue.ts";
import type { PubSub } from "../ports/pub-sub.ts";
import { jobChannel, parseJobEvent } from "./job-events.ts";

/**
 * A job's states as a stream of updates, for SSE: `describe(job)` turns each state into an
 * update; an update equal to the previous one is not repeated; the stream ends after the
 * update `describe` marks `final`, when the job disappears, or when `signal` aborts. Changes
 * arrive on the job's pub/sub channel; the row is also re-read every `pollMs` as a safety net
 * (pub/sub is at-most-once). The row is read again after subscribing, so no change between
 * the caller's first read and the subscription is missed.
 */
export async function* watchJob<T>(
  deps: { jobs: JobQueue; pubSub: PubSub },
  first: Job,
  options: { signal: AbortSignal; pollMs: number; describe: (job: Job) => Promise<{ update: T; final: boolean }> },
): AsyncGenerator<T> {
  const { signal, pollMs, describe } = options;
  let wake: (() => void) | null = null;
  let pending = false;
  const unsubscribe = await deps.pubSub.subscribe(jobChannel(first.id), (message) => {
    if (!parseJobEvent(message)) return;
    pending = true;
    wake?.();
  });
  try {
    let job: Job | null = (await deps.jobs.get(first.id)) ?? first;
    let last = "";
    while (job && !signal.aborted) {
      const { update, final } = await describe(job);
      const key = JSON.stringify(update);
      if (key !== last) yield update;
      last = key;
      if (final) return;
      if (!pending) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, pollMs);
          const done = (): void => {
            clearTimeout(timer);
            resolve();
          };
          wake = done;
          signal.addEventListener("abort", done, { once: true });
        });
        wake = null;
      }
      pending = false;
      job = await deps.jobs.get(first.id);
    }
  } finally {
    await unsubscribe();
  }
}
