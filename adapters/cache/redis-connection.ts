import { Redis, type RedisOptions } from "ioredis";
import { ServiceUnavailable } from "../../core/errors.ts";
import type { Logger } from "../../core/ports/logger.ts";

/** `redis://user:secret@host` -> `redis://user:***@host`, for logs and errors. */
export function redactRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(unparseable redis url)";
  }
}

/**
 * Opens an ioredis connection and waits until it is ready, so a wrong URL fails
 * at start with {@link ServiceUnavailable} instead of on the first request.
 * Connection errors after that are logged (ioredis reconnects by itself).
 */
export async function connectRedis(
  url: string,
  options: { logger?: Logger; connectionName?: string; redisOptions?: RedisOptions } = {},
): Promise<Redis> {
  const redis = new Redis(url, {
    lazyConnect: true,
    connectionName: options.connectionName,
    // Fail a command after a few reconnect attempts rather than hanging a request for long.
    maxRetriesPerRequest: 3,
    ...options.redisOptions,
  });
  attachErrorLogging(redis, options.logger, redactRedisUrl(url));
  try {
    await redis.connect();
  } catch (error) {
    redis.disconnect();
    throw new ServiceUnavailable(`redis at ${redactRedisUrl(url)} is unreachable: ${(error as Error).message}`);
  }
  return redis;
}

/** Routes ioredis `error` events to the logger (unhandled, ioredis prints them to stderr). */
export function attachErrorLogging(redis: Redis, logger: Logger | undefined, label: string): void {
  let lastLogged = 0;
  redis.on("error", (error: Error) => {
    // A down Redis emits an error per reconnect attempt; one line every few seconds is enough.
    const now = Date.now();
    if (now - lastLogged < 5000) return;
    lastLogged = now;
    logger?.warn("redis connection error", { redis: label, error });
  });
}

/** Closes a connection politely, falling back to a hard disconnect when Redis is gone. */
export async function closeRedis(redis: Redis): Promise<void> {
  if (redis.status === "end") return;
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      redis.quit(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error("quit timed out")), 2000);
      }),
    ]);
  } catch {
    redis.disconnect();
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Registers a Lua script on `redis` (EVALSHA, falling back to EVAL once per
 * connection) and returns a typed caller.
 */
export function defineScript(
  redis: Redis,
  name: string,
  numberOfKeys: number,
  lua: string,
): (keys: string[], args: Array<string | number>) => Promise<unknown> {
  redis.defineCommand(name, { numberOfKeys, lua });
  const command = (redis as unknown as Record<string, (...args: Array<string | number>) => Promise<unknown>>)[name];
  if (!command) throw new Error(`redis script ${name} was not defined`);
  return (keys, args) => command.call(redis, ...keys, ...args);
}
