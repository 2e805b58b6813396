import { beforeAll, describe, expect, it } from "vitest";
import { MemoryLocks } from "../../adapters/cache/memory-locks.ts";
import { startScheduler, type Schedule } from "../../jobs/scheduler.ts";
import { manualClock } from "../contracts/harness.ts";
import { sharedTestApp, type TestApp } from "../support/test-app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await sharedTestApp();
});

const HALF_HOUR = 30 * 60_000;

async function countJobs(type: string): Promise<number> {
  return (await t.services.jobs.list({ type, limit: 100 })).total;
}

describe("scheduler", () => {
  it("enqueues each schedule once per slot, across several processes sharing the locks", async () => {
    const type = `test.scheduled-${Date.now()}`;
    const schedules: Schedule[] = [{ name: type, everyMs: HALF_HOUR, job: { type, payload: {} } }];
    const clock = manualClock(Date.UTC(2026, 0, 1, 9, 5));
    const locks = new MemoryLocks({ now: clock.now });
    const options = { jobs: t.services.jobs, locks, schedules, now: () => new Date(clock.now()), tickMs: 0 };
    const a = startScheduler(options);
    const b = startScheduler(options);

    expect([...(await a.tick()), ...(await b.tick())]).toEqual([type]);
    await a.tick();
    await clock.elapse(20 * 60_000); // 09:25, same slot
    expect([...(await a.tick()), ...(await b.tick())]).toEqual([]);
    expect(await countJobs(type)).toBe(1);

    await clock.elapse(10 * 60_000); // 09:35, next slot
    const [ra, rb] = await Promise.all([a.tick(), b.tick()]);
    expect([...ra, ...rb]).toEqual([type]);
    expect(await countJobs(type)).toBe(2);
    await Promise.all([a.stop(), b.stop()]);
  });

  it("runs the notifications digest every 30 minutes and the trash purge daily by default", async () => {
    const clock = manualClock(Date.UTC(2026, 0, 1, 10, 1));
    const before = await countJobs("notifications.digest");
    const scheduler = startScheduler({ jobs: t.services.jobs, locks: new MemoryLocks({ now: clock.now }), now: () => new Date(clock.now()), tickMs: 0 });
    expect(await scheduler.tick()).toEqual(["notifications.digest", "recordsets.purge-trash"]);
    await clock.elapse(HALF_HOUR);
    expect(await scheduler.tick()).toEqual(["notifications.digest"]);
    expect(await countJobs("notifications.digest")).toBe(before + 2);
    await scheduler.stop();
  });

  it("ticks on its own timer when tickMs is set", async () => {
    const type = `test.timer-${Date.now()}`;
    const scheduler = startScheduler({ jobs: t.services.jobs, locks: new MemoryLocks(), schedules: [{ name: type, everyMs: HALF_HOUR, job: { type } }], tickMs: 20 });
    const deadline = Date.now() + 3_000;
    while ((await countJobs(type)) === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await scheduler.stop();
    expect(await countJobs(type)).toBe(1);
  });
});
