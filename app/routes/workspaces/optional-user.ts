import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../../context.ts";
import { bearerUser } from "../../middleware/auth/bearer-user.ts";

/**
 * For token-authenticated routes that also take a signed-in caller when one is present
 * (accepting a shareable invite link): with an `Authorization` header the access token is
 * checked exactly as on `user-global` routes (a bad one answers 401); without one the
 * handler runs with no actor.
 */
export function optionalUser(): MiddlewareHandler<AppEnv> {
  const required = bearerUser();
  return async (c, next) => {
    if (c.req.header("authorization")) return await required(c, next);
    await next();
  };
}
