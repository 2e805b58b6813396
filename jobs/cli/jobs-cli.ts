import { isUuid } from "../../core/ids.ts";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { DomainError, NotFound } from "../../core/errors.ts";
import { isFinished, jobChannel, parseJobEvent } from "../../core/jobs/job-events.ts";
import type { JobHandler } from "../../core/jobs/job-handler.ts";
import { jobStatuses, type Job, type JobQueue, type JobStatus } from "../../core/ports/job-queue.ts";
import type { Logger } from "../../core/ports/logger.ts";
import type { PubSub } from "../../core/ports/pub-sub.ts";
import { startWorker } from "../worker.ts";
import { ProgressDisplay, progressBar, type DisplayOutput } from "./progress-display.ts";

/** What the CLI needs, opened from config by `main.ts` (or handed in by tests). */
export type CliServices = {
  queue: JobQueue;
  pubSub: PubSub;
  handlers: ReadonlyMap<string, JobHandler>;
  logger: Logger;
  worker: { concurrency: number; leaseMs: number; pollIntervalMs: number; shutdownTimeoutMs: number };
  close(): Promise<void>;
};

export type CliIo = {
  stdout: DisplayOutput;
  stderr: DisplayOutput;
  /** Aborts on SIGINT/SIGTERM: `work` stops gracefully, `show --follow` stops following. */
  shutdown: AbortSignal;
  /** Opens services once the arguments are known to be valid. */
  openServices(): Promise<CliServices>;
  /** Poll period of `show --follow` (pub/sub may not cross processes when embedded). */
  followPollMs?: number;
};

export const usage = `Usage: npm run jobs -- <command>

Commands:
  work [--concurrency N] [--workspace W ...]   run a worker until SIGINT/SIGTERM; with --workspace
                                               (repeatable) it takes only those workspaces' jobs
  list [--status S] [--type T] [--workspace W] [--limit N] [--offset N] [--json]
  show ID [--follow] [--json]                  one job; --follow redraws progress until it ends
  retry ID                                     queue a failed or cancelled job again
  cancel ID                                    cancel a queued job, or ask a running one to stop

Exit codes: 0 ok (show --follow: the job succeeded), 1 error (or the followed job
failed / was cancelled), 2 usage.
`;

class UsageError extends Error {}

/**
 * Runs the job-runner CLI with `argv` (arguments after the script name) and
 * returns the exit code.
 *
 * @example
 * process.exitCode = await runJobsCli(["list", "--status", "failed"], io);
 */
export async function runJobsCli(argv: readonly string[], io: CliIo): Promise<number> {
  let command: Command;
  try {
    command = parseCommand(argv);
  } catch (error) {
    io.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
    return 2;
  }
  if (command.name === "help") {
    io.stdout.write(usage);
    return 0;
  }

  let services: CliServices | undefined;
  try {
    services = await io.openServices();
    switch (command.name) {
      case "work":
        return await work(services, io, command.concurrency, command.workspaces);
      case "list":
        return await list(services, io, command);
      case "show":
        return await show(services, io, command.id, command.follow, command.json);
      case "retry": {
        const job = await services.queue.retry(command.id);
        io.stdout.write(`job ${job.id} queued again (${job.type})\n`);
        return 0;
      }
      case "cancel": {
        const job = await services.queue.cancel(command.id);
        io.stdout.write(
          job.status === "cancelled"
            ? `job ${job.id} cancelled\n`
            : `cancel requested for running job ${job.id}; it stops at its next heartbeat\n`,
        );
        return 0;
      }
      default:
        return 2;
    }
  } catch (error) {
    io.stderr.write(`error: ${describeFailure(error)}\n`);
    return 1;
  } finally {
    await services?.close().catch((error: unknown) => io.stderr.write(`error while closing: ${describeFailure(error)}\n`));
  }
}

type Command =
  | { name: "help" }
  | { name: "work"; concurrency?: number; workspaces?: string[] }
  | {
      name: "list";
      status?: JobStatus[];
      type?: string;
      workspace?: string;
      limit: number;
      offset: number;
      json: boolean;
    }
  | { name: "show"; id: string; follow: boolean; json: boolean }
  | { name: "retry"; id: string }
  | { name: "cancel"; id: string };

function parseCommand(argv: readonly string[]): Command {
  const [name, ...rest] = argv;
  if (name === undefined || name === "help" || name === "--help" || name === "-h") return { name: "help" };
  const parse = (options: NonNullable<ParseArgsConfig["options"]>, positionals: number) => {
    let parsed;
    try {
      parsed = parseArgs({ args: [...rest], options, allowPositionals: true, strict: true });
    } catch (error) {
      throw new UsageError(error instanceof Error ? error.message : String(error));
    }
    if (parsed.positionals.length !== positionals) {
      throw new UsageError(
        positionals === 1 ? `${name}: expected one job id` : `${name}: unexpected argument ${parsed.positionals[0]}`,
      );
    }
    return parsed as { values: Record<string, string | boolean | undefined>; positionals: string[] };
  };

  switch (name) {
    case "work": {
      const { values } = parse({ concurrency: { type: "string" }, workspace: { type: "string", multiple: true } }, 0);
      const workspaces = values.workspace as unknown as string[] | undefined;
      for (const id of workspaces ?? []) if (!isUuid(id)) throw new UsageError(`--workspace: "${id}" is not a workspace id`);
      return {
        name,
        ...(values.concurrency === undefined ? {} : { concurrency: positiveInt("--concurrency", values.concurrency, 64) }),
        ...(workspaces ? { workspaces } : {}),
      };
    }
    case "list": {
      const { values } = parse(
        {
          status: { type: "string" },
          type: { type: "string" },
          workspace: { type: "string" },
          limit: { type: "string" },
          offset: { type: "string" },
          json: { type: "boolean" },
        },
        0,
      );
      const command: Command = {
        name,
        limit: values.limit === undefined ? 20 : positiveInt("--limit", values.limit, 500),
        offset: values.offset === undefined ? 0 : nonNegativeInt("--offset", values.offset),
        json: values.json === true,
      };
      if (typeof values.status === "string") command.status = parseStatuses(values.status);
      if (typeof values.type === "string") command.type = values.type;
      if (typeof values.workspace === "string") command.workspace = values.workspace;
      return command;
    }
    case "show": {
      const { values, positionals } = parse({ follow: { type: "boolean", short: "f" }, json: { type: "boolean" } }, 1);
      return { name, id: positionals[0]!, follow: values.follow === true, json: values.json === true };
    }
    case "retry":
    case "cancel": {
      const { positionals } = parse({}, 1);
      return { name, id: positionals[0]! };
    }
    default:
      throw new UsageError(`unknown command "${name}"`);
  }
}

function parseStatuses(text: string): JobStatus[] {
  const statuses = text.split(",").map((s) => s.trim());
  for (const status of statuses) {
    if (!(jobStatuses as readonly string[]).includes(status)) {
      throw new UsageError(`--status: "${status}" is not one of ${jobStatuses.join(", ")}`);
    }
  }
  return statuses as JobStatus[];
}

function positiveInt(flag: string, value: unknown, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new UsageError(`${flag}: expected an integer from 1 to ${max}`);
  return n;
}

function nonNegativeInt(flag: string, value: unknown): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`${flag}: expected an integer of 0 or more`);
  return n;
}

async function work(services: CliServices, io: CliIo, concurrency: number | undefined, workspaceIds: string[] | undefined): Promise<number> {
  if (services.handlers.size === 0) {
    io.stderr.write("error: no job handlers are registered\n");
    return 1;
  }
  const display = new ProgressDisplay(io.stdout);
  const worker = startWorker({
    queue: services.queue,
    handlers: services.handlers,
    concurrency: concurrency ?? services.worker.concurrency,
    ...(workspaceIds ? { workspaceIds } : {}),
    leaseMs: services.worker.leaseMs,
    pollIntervalMs: services.worker.pollIntervalMs,
    logger: displayAware(services.logger, display),
    onEvent: (event) => {
      const { job } = event;
      if (event.kind === "started") {
        display.update({ id: job.id, type: job.type, percent: 0, step: `attempt ${job.attempts}/${job.maxAttempts}` });
      } else if (event.kind === "progress") {
        display.update({ id: job.id, type: job.type, percent: event.percent, message: event.message, step: event.step });
      } else {
        display.remove(job.id);
        const seconds = (event.durationMs / 1000).toFixed(1);
        display.log(`${outcomeMark(event.outcome)} ${job.type} ${job.id} ${event.outcome} in ${seconds}s${event.error ? `: ${event.error}` : ""}`);
      }
    },
  });
  display.log(`worker ${worker.id} started; handling ${[...services.handlers.keys()].join(", ")} (Ctrl-C to stop)`);
  await new Promise<void>((resolve) => {
    if (io.shutdown.aborted) resolve();
    else io.shutdown.addEventListener("abort", () => resolve(), { once: true });
  });
  display.log(`stopping: waiting up to ${Math.round(services.worker.shutdownTimeoutMs / 1000)}s for running jobs`);
  await worker.stop({ timeoutMs: services.worker.shutdownTimeoutMs });
  display.close();
  io.stdout.write("worker stopped\n");
  return 0;
}

async function list(services: CliServices, io: CliIo, command: Extract<Command, { name: "list" }>): Promise<number> {
  const page = await services.queue.list({
    ...(command.status ? { status: command.status } : {}),
    ...(command.type ? { type: command.type } : {}),
    ...(command.workspace ? { workspaceId: command.workspace } : {}),
    limit: command.limit,
    offset: command.offset,
  });
  if (command.json) {
    io.stdout.write(`${JSON.stringify(page, null, 2)}\n`);
    return 0;
  }
  if (page.items.length === 0) {
    io.stdout.write(page.total === 0 ? "no jobs\n" : `no jobs at offset ${command.offset} (total ${page.total})\n`);
    return 0;
  }
  const rows = page.items.map((job) => [
    job.id,
    job.type,
    job.status,
    `${job.progress}%`,
    `${job.attempts}/${job.maxAttempts}`,
    job.workspaceId ? job.workspaceId.slice(0, 8) : "-",
    formatTime(job.createdAt),
    oneLine(job.lastError ?? job.progressMessage ?? "", 50),
  ]);
  io.stdout.write(table(["ID", "TYPE", "STATUS", "PROGRESS", "ATTEMPTS", "WORKSPACE", "CREATED", "NOTE"], rows));
  io.stdout.write(`${page.items.length} of ${page.total} job${page.total === 1 ? "" : "s"}\n`);
  return 0;
}

async function show(services: CliServices, io: CliIo, id: string, follow: boolean, json: boolean): Promise<number> {
  const job = await services.queue.get(id);
  if (!job) throw new NotFound("job", id);
  if (!follow) {
    io.stdout.write(json ? `${JSON.stringify(job, null, 2)}\n` : describeJob(job));
    return 0;
  }
  if (!json) io.stdout.write(describeJob(job));
  const final = await followJob(services, io, job, json);
  if (!json && final) io.stdout.write(describeJob(final));
  if (!final) return 0; // interrupted: the job carries on without us
  return final.status === "succeeded" ? 0 : 1;
}

/** Redraws the job's progress until it finishes; resolves with its final state, or null when interrupted. */
async function followJob(services: CliServices, io: CliIo, initial: Job, json: boolean): Promise<Job | null> {
  if (isFinished(initial.status)) return initial;
  const display = new ProgressDisplay(io.stdout);
  let last = initial;
  let wakeUp: () => void = () => {};
  const render = (job: Job): void => {
    if (json) {
      if (job.updatedAt.getTime() !== last.updatedAt.getTime() || job.status !== last.status) {
        io.stdout.write(`${JSON.stringify({ id: job.id, status: job.status, progress: job.progress, message: job.progressMessage, step: job.currentStep })}\n`);
      }
    } else if (job.status === "running") {
      display.update({ id: job.id, type: job.type, percent: job.progress, message: job.progressMessage, step: job.currentStep });
    } else if (job.status !== last.status) {
      display.log(`${job.type} ${job.id} is ${job.status}${job.status === "queued" && job.attempts > 0 ? ` (retry after attempt ${job.attempts})` : ""}`);
    }
    last = job;
  };
  const unsubscribe = await services.pubSub.subscribe(jobChannel(initial.id), (message) => {
    if (parseJobEvent(message)) wakeUp();
  });
  try {
    const pollMs = io.followPollMs ?? 1_000;
    render(initial);
    while (!io.shutdown.aborted) {
      // Events only wake us up; the row is the truth (events are at-most-once).
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, pollMs);
        const onAbort = (): void => done();
        io.shutdown.addEventListener("abort", onAbort, { once: true });
        function done(): void {
          clearTimeout(timer);
          io.shutdown.removeEventListener("abort", onAbort);
          resolve();
        }
        wakeUp = done;
      });
      if (io.shutdown.aborted) break;
      const job = await services.queue.get(initial.id);
      if (!job) throw new NotFound("job", initial.id);
      render(job);
      if (isFinished(job.status)) return job;
    }
    return null;
  } finally {
    display.close();
    await unsubscribe();
  }
}

function describeJob(job: Job): string {
  const lines: [string, string][] = [
    ["id", job.id],
    ["type", job.type],
    ["status", job.status + (job.cancelRequestedAt && job.status === "running" ? " (cancel requested)" : "")],
    ["progress", `${progressBar(job.progress, 20)}${job.currentStep ? `  ${job.currentStep}` : ""}${job.progressMessage ? `  ${job.progressMessage}` : ""}`],
    ["attempts", `${job.attempts} of ${job.maxAttempts}`],
    ["priority", String(job.priority)],
    ["workspace", job.workspaceId ?? "- (platform)"],
    ["created", `${formatTime(job.createdAt)}${job.createdBy ? ` by ${job.createdBy}` : ""}`],
    ["run at", formatTime(job.runAt)],
    ["started", job.startedAt ? formatTime(job.startedAt) : "-"],
    ["finished", job.finishedAt ? formatTime(job.finishedAt) : "-"],
  ];
  if (job.status === "running") lines.push(["worker", `${job.lockedBy ?? "-"} (lease until ${job.leaseExpiresAt ? formatTime(job.leaseExpiresAt) : "-"})`]);
  if (job.lastError) lines.push(["last error", job.lastError]);
  lines.push(["payload", JSON.stringify(job.payload)]);
  if (job.result !== null) lines.push(["result", JSON.stringify(job.result)]);
  const width = Math.max(...lines.map(([k]) => k.length));
  return `${lines.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join("\n")}\n`;
}

/** Log lines share the terminal with the status line: clear it before each, redraw after. */
function displayAware(logger: Logger, display: ProgressDisplay): Logger {
  return {
    debug: (m, f) => display.interrupt(() => logger.debug(m, f)),
    info: (m, f) => display.interrupt(() => logger.info(m, f)),
    warn: (m, f) => display.interrupt(() => logger.warn(m, f)),
    error: (m, f) => display.interrupt(() => logger.error(m, f)),
    child: (fields) => displayAware(logger.child(fields), display),
  };
}

/** A left-aligned text table with a header row. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: readonly string[]): string =>
    cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join("  ").trimEnd();
  return `${[line(header), ...rows.map(line)].join("\n")}\n`;
}

function formatTime(date: Date): string {
  return date.toISOString().replace("T", " ").replace(/\.\d+Z$/, "Z");
}

function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function outcomeMark(outcome: string): string {
  return outcome === "succeeded" ? "✓" : outcome === "failed" ? "✗" : "•";
}

function describeFailure(error: unknown): string {
  if (error instanceof DomainError) return error.message;
  if (error instanceof Error) {
    if (/relation "(public\.)?jobs" does not exist/.test(error.message)) {
      return `${error.message} (run \`npm run db:migrate\` first)`;
    }
    return error.message;
  }
  return String(error);
}
