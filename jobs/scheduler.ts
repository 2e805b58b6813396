import type { EnqueueJobInput, JobQueue } from "../core/ports/job-queue.ts";
import type { Locks } from "../core/ports/locks.ts";
import type { Logger } from "../core/ports/logger.ts";
import { NOTIFICATIONS_DIGEST_JOB } from "./handlers/notifications-digest.ts";
import { RECORDSETS_PURGE_TRASH_JOB } from "./handlers/recordsets-purge-trash.ts";

/** A job enqueued once every `everyMs`, in slots aligned to the epoch (e.g. :00 and :30). */
export type Schedule = { name: string; everyMs: number; job: EnqueueJobInput };

/** The schedules this codebase runs. */
export const defaultSchedules: readonly Schedule[] = [
  { name: NOTIFICATIONS_DIGEST_JOB, everyMs: 30 * 60_000, job: { type: NOTIFICATIONS_DIGEST_JOB, payload: {}, maxAttempts: 2 } },
  { name: RECORDSETS_PURGE_TRASH_JOB, everyMs: 24 * 60 * 60_000, job: { type: RECORDSETS_PURGE_TRASH_JOB, payload: {}, maxAttempts: 3 } },
];

export type SchedulerOptions = {
  jobs: Pick<JobQueue, "enqueue">;
  locks: Locks;
  schedules?: readonly Schedule[];
  logger?: Logger;
  now?: () => Date;
  /** How often the clock is checked; default 30 s. 0 starts no timer (tests call `tick`). */
  tickMs?: number;
};

/** A running scheduler. */
export type Scheduler = {
  /** Enqueues every schedule whose current slot was not enqueued yet (by any process); returns what it enqueued. */
  tick(): Promise<string[]>;
  stop(): Promise<void>;
};

/**
 * Enqueues scheduled jobs. Every worker process runs one; a lock per schedule and slot
 * (`schedule:<name>:<slot>`, held for the slot's length, in Redis across processes) makes
 * exactly one of them enqueue each slot. A process that starts mid-slot enqueues that
 * slot at once unless another did.
 *
 * @example
 * const scheduler = startScheduler({ jobs: services.jobs, locks: services.locks, logger });
 * await scheduler.stop();
 */
export function startScheduler(options: SchedulerOptions): Scheduler {
  const schedules = options.schedules ?? defaultSchedules;
  const now = options.now ?? (() => new Date());
  const done = new Map<string, number>();
  let running: Promise<string[]> | null = null;

  const runOnce = async (): Promise<string[]> => {
    const enqueued: string[] = [];
    for (const schedule of schedules) {
      const slot = Math.floor(now().getTime() / schedule.everyMs);
      if (done.get(schedule.name) === slot) continue;
      try {
        const lock = await options.locks.tryAcquire(`schedule:${schedule.name}:${slot}`, schedule.everyMs);
        done.set(schedule.name, slot);
        // Not released: the lock expiring at the slot's end is what keeps the slot taken.
        if (!lock) continue;
        await options.jobs.enqueue(schedule.job);
        enqueued.push(schedule.name);
        options.logger?.info("scheduled job enqueued", { schedule: schedule.name, slot });
      } catch (error) {
        done.delete(schedule.name);
        options.logger?.warn("could not enqueue a scheduled job", { schedule: schedule.name, error });
      }
    }
    return enqueued;
  };
  const tick = (): Promise<string[]> => (running ??= runOnce().finally(() => (running = null)));

  const tickMs = options.tickMs ?? 30_000;
  const timer = tickMs > 0 ? setInterval(() => void tick(), tickMs) : null;
  timer?.unref?.();
  if (timer) void tick();
  return {
    tick,
    async stop() {
      if (timer) clearInterval(timer);
      await running;
    },
  };
}
