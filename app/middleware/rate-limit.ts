import type { MiddlewareHandler } from "hono";
import { RateLimited } from "../../core/errors.ts";
import type { AppEnv } from "../context.ts";
import { clientIp } from "./client-ip.ts";

/**
 * A per-client ceiling on every route (RATE_LIMIT_PER_MINUTE, 0 disables), kept
 * in the rate-limiter port so it holds across replicas. Stricter, per-account
 * limits (login) sit on their own routes.
 */
export function rateLimitPerClient(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const { config, rateLimiter } = c.get("services");
    if (config.RATE_LIMIT_PER_MINUTE > 0) {
      const decision = await rateLimiter.hit(
        `ip:${clientIp(c, config.TRUST_PROXY)}`,
        config.RATE_LIMIT_PER_MINUTE,
        60,
      );
      if (!decision.allowed) throw new RateLimited(decision.retryAfterSeconds);
      c.header("x-ratelimit-remaining", String(decision.remaining));
    }
    await next();
  };
}
