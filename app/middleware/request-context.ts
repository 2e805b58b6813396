import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../context.ts";
import type { Services } from "../composition/services.ts";

/**
 * Puts the services and a request-scoped logger on the context, and writes one
 * access-log line per request (method, path, status, duration). Runs after
 * hono's requestId(), whose id it logs and returns as `X-Request-Id`.
 */
export function requestContext(services: Services): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    const requestId = c.get("requestId");
    c.set("services", services);
    c.set("logger", services.logger.child({ request_id: requestId }));
    try {
      await next();
    } finally {
      const status = c.res.status;
      const fields = {
        method: c.req.method,
        path: c.req.path,
        status,
        duration_ms: Math.round((performance.now() - started) * 10) / 10,
      };
      const log = c.get("logger");
      if (status >= 500) log.error("request", fields);
      else log.info("request", fields);
    }
  };
}
