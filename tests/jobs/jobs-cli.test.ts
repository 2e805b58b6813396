import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import type { JobHandler } from "../../core/jobs/job-handler.ts";
import { newId } from "../../core/ids.ts";
import { runJobsCli, type CliIo, type CliServices } from "../../jobs/cli/jobs-cli.ts";
import { ProgressDisplay, progressBar } from "../../jobs/cli/progress-display.ts";
import { startWorker, type Worker } from "../../jobs/worker.ts";
import { openJobsTestEnv, uniqueType, waitFor, type JobsTestEnv } from "./support/jobs-test-env.ts";

let env: JobsTestEnv;
const workers: Worker[] = [];
beforeAll(async () => {
  env = await openJobsTestEnv();
});
afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.stop({ timeoutMs: 1_000 })));
});
afterAll(async () => {
  await env?.close();
});

type Captured = { code: number; stdout: string; stderr: string };

function capture(tty = false): { io: CliIo; out: { stdout: string; stderr: string }; shutdown: AbortController; handlers: Map<string, JobHandler> } {
  const out = { stdout: "", stderr: "" };
  const shutdown = new AbortController();
  const handlers = new Map<string, JobHandler>();
  const services: CliServices = {
    queue: env.queue,
    pubSub: env.pubSub,
    handlers,
    logger: env.logger,
    worker: { concurrency: 2, leaseMs: 1_000, pollIntervalMs: 10, shutdownTimeoutMs: 1_000 },
    close: async () => {},
  };
  const io: CliIo = {
    stdout: { write: (t: string) => (out.stdout += t), isTTY: tty, columns: 120 },
    stderr: { write: (t: string) => (out.stderr += t) },
    shutdown: shutdown.signal,
    openServices: async () => services,
    followPollMs: 20,
  };
  return { io, out, shutdown, handlers };
}

async function run(argv: string[]): Promise<Captured> {
  const { io, out } = capture();
  const code = await runJobsCli(argv, io);
  return { code, ...out };
}

describe("usage", () => {
  test.each([
    [["frobnicate"], /unknown command "frobnicate"/],
    [["show"], /show: expected one job id/],
    [["retry", "a", "b"], /retry: expected one job id/],
    [["list", "--status", "sleeping"], /--status: "sleeping" is not one of/],
    [["list", "--limit", "zero"], /--limit: expected an integer/],
    [["list", "--bogus"], /Unknown option '--bogus'/],
    [["work", "--concurrency", "0"], /--concurrency/],
    [["work", "--workspace", "acme"], /--workspace: "acme" is not a workspace id/],
  ])("%j exits 2 with a message and the usage", async (argv, message) => {
    const result = await run(argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain("Usage: npm run jobs");
  });

  test("help prints the usage and exits 0", async () => {
    const result = await run(["--help"]);
    expect(result).toMatchObject({ code: 0 });
    expect(result.stdout).toContain("show ID [--follow]");
  });
});

describe("list, show, retry, cancel", () => {
  test("list prints a table filtered by type and status", async () => {
    const [type, other] = [uniqueType("listed"), uniqueType("other")];
    const a = await env.queue.enqueue({ type, workspaceId: newId() });
    const b = await env.queue.enqueue({ type });
    await env.queue.enqueue({ type: other });
    await env.queue.cancel(b.id);

    const all = await run(["list", "--type", type]);
    expect(all.code).toBe(0);
    const lines = all.stdout.trim().split("\n");
    expect(lines[0]).toMatch(/^ID\s+TYPE\s+STATUS\s+PROGRESS\s+ATTEMPTS\s+WORKSPACE\s+CREATED\s+NOTE$/);
    expect(lines[1]).toContain(b.id);
    expect(lines[1]).toContain("cancelled");
    expect(lines[2]).toContain(a.id);
    expect(lines[2]).toMatch(/queued\s+0%\s+0\/3/);
    expect(lines.at(-1)).toBe("2 of 2 jobs");

    const queued = await run(["list", "--type", type, "--status", "queued", "--json"]);
    expect(JSON.parse(queued.stdout)).toMatchObject({ total: 1, items: [{ id: a.id }] });

    expect((await run(["list", "--type", uniqueType()])).stdout).toBe("no jobs\n");
  });

  test("show prints the job; an unknown id exits 1", async () => {
    const type = uniqueType();
    const job = await env.queue.enqueue({ type, payload: { file: "a.csv" } });
    const shown = await run(["show", job.id]);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(new RegExp(`^id\\s+${job.id}$`, "m"));
    expect(shown.stdout).toMatch(/^status\s+queued$/m);
    expect(shown.stdout).toContain('{"file":"a.csv"}');

    const missing = await run(["show", newId()]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/error: job .* was not found/);
  });

  test("cancel and retry change the job; wrong states exit 1", async () => {
    const type = uniqueType();
    const job = await env.queue.enqueue({ type });
    const cancelled = await run(["cancel", job.id]);
    expect(cancelled).toMatchObject({ code: 0, stdout: `job ${job.id} cancelled\n` });
    expect((await env.queue.get(job.id))?.status).toBe("cancelled");

    const retried = await run(["retry", job.id]);
    expect(retried.code).toBe(0);
    expect(retried.stdout).toContain("queued again");
    expect((await env.queue.get(job.id))?.status).toBe("queued");

    const again = await run(["retry", job.id]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/only failed or cancelled jobs can be retried/);
  });
});

describe("work and show --follow", () => {
  test("work runs jobs until shut down, printing outcomes", async () => {
    const type = uniqueType("worked");
    const { io, out, shutdown, handlers } = capture();
    handlers.set(type, async ({ reportProgress }) => {
      reportProgress(50, "halfway");
      return "ok";
    });
    const running = runJobsCli(["work", "--concurrency", "1"], io);
    const job = await env.queue.enqueue({ type });
    await waitFor(async () => (await env.queue.get(job.id))?.status === "succeeded");
    shutdown.abort();
    expect(await running).toBe(0);
    expect(out.stdout).toContain(`handling ${type}`);
    expect(out.stdout).toContain("halfway");
    expect(out.stdout).toMatch(new RegExp(`✓ ${type.replace(".", "\\.")} ${job.id} succeeded in`));
    expect(out.stdout).toContain("worker stopped");
  });

  test("work --workspace takes only those workspaces' jobs", async () => {
    const type = uniqueType("dedicated");
    const { io, shutdown, handlers } = capture();
    handlers.set(type, async () => "ok");
    const [mine, theirs] = [newId(), newId()];
    const running = runJobsCli(["work", "--workspace", mine], io);
    const ours = await env.queue.enqueue({ type, workspaceId: mine });
    const other = await env.queue.enqueue({ type, workspaceId: theirs });
    await waitFor(async () => (await env.queue.get(ours.id))?.status === "succeeded");
    shutdown.abort();
    expect(await running).toBe(0);
    expect((await env.queue.get(other.id))?.status).toBe("queued");
    await env.queue.cancel(other.id);
  });

  test("show --follow prints progress until the job ends; exit 0 when it succeeded, 1 when it failed", async () => {
    const [good, bad] = [uniqueType("good"), uniqueType("bad")];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    workers.push(
      startWorker({
        queue: env.queue,
        handlers: new Map<string, JobHandler>([
          [
            good,
            async ({ reportProgress }) => {
              reportProgress(10, "starting", "download");
              await gate;
              reportProgress(60, "parsing", "parse");
              await new Promise((resolve) => setTimeout(resolve, 100));
              return { rows: 3 };
            },
          ],
          [
            bad,
            async () => {
              throw new Error("corrupt file");
            },
          ],
        ]),
        concurrency: 2,
        leaseMs: 1_000,
        pollIntervalMs: 10,
        progressIntervalMs: 0,
        logger: env.logger,
      }),
    );
    const job = await env.queue.enqueue({ type: good });
    await waitFor(async () => (await env.queue.get(job.id))?.progress === 10);
    const { io, out } = capture();
    const following = runJobsCli(["show", job.id, "--follow"], io);
    await waitFor(() => out.stdout.includes("download"));
    release();
    expect(await following).toBe(0);
    expect(out.stdout).toMatch(/10% t\w+\.good \w+ · download · starting/);
    expect(out.stdout).toMatch(/60% t\w+\.good \w+ · parse · parsing/);
    expect(out.stdout).toMatch(/^status\s+succeeded$/m);
    expect(out.stdout).toContain('{"rows":3}');

    const failing = await env.queue.enqueue({ type: bad, maxAttempts: 1 });
    const second = capture();
    expect(await runJobsCli(["show", failing.id, "--follow"], second.io)).toBe(1);
    expect(second.out.stdout).toMatch(/^last error\s+corrupt file$/m);
  });

  test("show --follow stops following on shutdown and exits 0", async () => {
    const job = await env.queue.enqueue({ type: uniqueType("never") });
    const { io, shutdown } = capture();
    const following = runJobsCli(["show", job.id, "--follow"], io);
    setTimeout(() => shutdown.abort(), 100);
    expect(await following).toBe(0);
  });
});

describe("progress display", () => {
  test("on a terminal it redraws one status line and scrolls logs above it", () => {
    let written = "";
    const display = new ProgressDisplay({ write: (t: string) => (written += t), isTTY: true, columns: 200 });
    display.update({ id: "0193aaaa-bbbb", type: "tenants.migrate", percent: 40, step: "ws_1", message: "applied 0002" });
    display.update({ id: "0193cccc-dddd", type: "records.import", percent: 5 });
    display.log("✓ something finished");
    display.remove("0193cccc-dddd");
    display.close();
    expect(written).toContain(`\r\x1b[2K${progressBar(40)} tenants.migrate 0193aaaa · ws_1 · applied 0002`);
    expect(written).toContain("records.import 0193cccc  (+1 running)");
    expect(written).toContain("\r\x1b[2K✓ something finished\n");
    expect(written.endsWith("\r\x1b[2K")).toBe(true);
  });

  test("elsewhere it prints plain lines, skipping repeats and throttling within a step", () => {
    let written = "";
    const display = new ProgressDisplay({ write: (t: string) => (written += t) }, { plainIntervalMs: 60_000 });
    display.update({ id: "j1", type: "x.y", percent: 1, step: "a" });
    display.update({ id: "j1", type: "x.y", percent: 1, step: "a" });
    display.update({ id: "j1", type: "x.y", percent: 2, step: "a" });
    display.update({ id: "j1", type: "x.y", percent: 50, step: "b" });
    display.update({ id: "j1", type: "x.y", percent: 100, step: "b" });
    expect(written).toBe("  1% x.y j1 · a\n 50% x.y j1 · b\n100% x.y j1 · b\n");
    expect(written).not.toContain("\x1b");
  });

  test("progressBar clamps and rounds", () => {
    expect(progressBar(-5, 10)).toBe("[░░░░░░░░░░]   0%");
    expect(progressBar(54.4, 10)).toBe("[█████░░░░░]  54%");
    expect(progressBar(250, 10)).toBe("[██████████] 100%");
  });
});
