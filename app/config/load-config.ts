import { configSchema, type Config } from "./config-schema.ts";

/** Thrown when the environment is invalid; the message names every wrong variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/**
 * Validates `env` (default: the process environment) against the config schema.
 * Empty strings count as unset, so `DATABASE_URL=` selects the embedded twin.
 */
export function loadConfig(env: Record<string, string | undefined> = readEnv()): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = configSchema.safeParse(cleaned);
  if (parsed.success) {
    const config = parsed.data;
    if (config.NODE_ENV === "production" && !config.JWT_SECRET) {
      throw new ConfigError(["JWT_SECRET: required in production (at least 32 characters)"]);
    }
    return config;
  }
  throw new ConfigError(
    parsed.error.issues.map((issue) => {
      const name = issue.path.join(".") || "(root)";
      const got = typeof cleaned[name] === "string" ? ` (got ${JSON.stringify(cleaned[name])})` : "";
      return `${name}: ${issue.message}${got}`;
    }),
  );
}

function readEnv(): Record<string, string | undefined> {
  const deno = (globalThis as { Deno?: { env: { toObject(): Record<string, string> } } }).Deno;
  if (deno) return deno.env.toObject();
  return process.env;
}
