import type { LogFields, Logger } from "../../core/ports/logger.ts";

export type LogLevel = "debug" | "info" | "warn" | "error" | "silent";
const rank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

/**
 * Writes one JSON object per line (`{"time","level","msg",...fields}`) to `write`
 * (stdout by default). Errors in fields are expanded to name, message and stack.
 */
export function createJsonLogger(
  level: LogLevel = "info",
  base: LogFields = {},
  write: (line: string) => void = (line) => console.log(line),
): Logger {
  const emit = (at: Exclude<LogLevel, "silent">, msg: string, fields?: LogFields): void => {
    if (rank[at] < rank[level]) return;
    const entry: LogFields = { time: new Date().toISOString(), level: at, msg, ...base };
    for (const [key, value] of Object.entries(fields ?? {})) {
      entry[key] = value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value;
    }
    write(JSON.stringify(entry));
  };
  return {
    debug: (m, f) => emit("debug", m, f),
    info: (m, f) => emit("info", m, f),
    warn: (m, f) => emit("warn", m, f),
    error: (m, f) => emit("error", m, f),
    child: (fields) => createJsonLogger(level, { ...base, ...fields }, write),
  };
}
