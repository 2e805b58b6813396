/** Where the display writes: a stream, possibly a terminal. */
export type DisplayOutput = {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
};

/** One job's visible progress. */
export type ProgressState = {
  id: string;
  type: string;
  percent: number;
  message?: string | null;
  step?: string | null;
};

const CLEAR_LINE = "\r\x1b[2K";

/**
 * Live progress for the CLI. On a terminal, one status line (a bar for the most recently
 * active job, and how many others run) is redrawn in place, and `log` lines scroll above
 * it. Elsewhere (pipes, CI logs) it prints plain lines, at most one per job per
 * `plainIntervalMs` unless the step changes.
 *
 * @example
 * const display = new ProgressDisplay(process.stdout);
 * display.update({ id, type: "tenants.migrate", percent: 40, step: "ws_acme" });
 * display.remove(id); display.log("done");
 */
export class ProgressDisplay {
  readonly #out: DisplayOutput;
  readonly #tty: boolean;
  readonly #plainIntervalMs: number;
  readonly #active = new Map<string, ProgressState>();
  readonly #lastPlain = new Map<string, { at: number; text: string; step: string | null }>();
  #current: string | null = null;
  #drawn = false;

  constructor(out: DisplayOutput, options: { tty?: boolean; plainIntervalMs?: number } = {}) {
    this.#out = out;
    this.#tty = options.tty ?? out.isTTY === true;
    this.#plainIntervalMs = options.plainIntervalMs ?? 1_000;
  }

  /** Shows `state` as the current progress of its job. */
  update(state: ProgressState): void {
    this.#active.set(state.id, state);
    this.#current = state.id;
    if (this.#tty) {
      this.#redraw();
      return;
    }
    const text = plainLine(state);
    const previous = this.#lastPlain.get(state.id);
    const step = state.step ?? null;
    const now = Date.now();
    if (previous && previous.text === text) return;
    if (previous && previous.step === step && now - previous.at < this.#plainIntervalMs && state.percent < 100) return;
    this.#lastPlain.set(state.id, { at: now, text, step });
    this.#out.write(`${text}\n`);
  }

  /** Forgets a job (finished); the status line moves on to another one. */
  remove(id: string): void {
    this.#active.delete(id);
    this.#lastPlain.delete(id);
    if (this.#current === id) this.#current = [...this.#active.keys()].at(-1) ?? null;
    if (this.#tty) this.#redraw();
  }

  /** Prints a line above the status line. */
  log(line: string): void {
    if (this.#tty && this.#drawn) this.#out.write(CLEAR_LINE);
    this.#out.write(line.endsWith("\n") ? line : `${line}\n`);
    this.#drawn = false;
    if (this.#tty) this.#redraw();
  }

  /** Runs `write` (output that bypasses the display, e.g. logs on stderr) with the status line cleared. */
  interrupt(write: () => void): void {
    if (this.#tty && this.#drawn) {
      this.#out.write(CLEAR_LINE);
      this.#drawn = false;
    }
    write();
    if (this.#tty) this.#redraw();
  }

  /** Clears the status line (before exit). */
  close(): void {
    if (this.#tty && this.#drawn) this.#out.write(CLEAR_LINE);
    this.#drawn = false;
  }

  #redraw(): void {
    const state = this.#current ? this.#active.get(this.#current) : undefined;
    if (!state) {
      if (this.#drawn) this.#out.write(CLEAR_LINE);
      this.#drawn = false;
      return;
    }
    const others = this.#active.size - 1;
    let line = `${progressBar(state.percent, 24)} ${describe(state)}${others > 0 ? `  (+${others} running)` : ""}`;
    const width = Math.max(20, (this.#out.columns ?? 100) - 1);
    if (line.length > width) line = `${line.slice(0, width - 1)}…`;
    this.#out.write(`${CLEAR_LINE}${line}`);
    this.#drawn = true;
  }
}

/** `[██████░░░░]  60%` */
export function progressBar(percent: number, width = 24): string {
  const p = Math.min(100, Math.max(0, Math.round(percent)));
  const filled = Math.round((p / 100) * width);
  return `[${"█".repeat(filled)}${"░".repeat(width - filled)}] ${String(p).padStart(3)}%`;
}

function describe(state: ProgressState): string {
  const parts = [`${state.type} ${state.id.slice(0, 8)}`];
  if (state.step) parts.push(state.step);
  if (state.message) parts.push(state.message);
  return parts.join(" · ");
}

function plainLine(state: ProgressState): string {
  return `${String(Math.round(state.percent)).padStart(3)}% ${describe(state)}`;
}
